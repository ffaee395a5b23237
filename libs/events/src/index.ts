export * from './create-envelope.ts';
export * from './outbox.entity.ts';
export * from './inbox.entity.ts';
export * from './dead-letter.entity.ts';
export * from './retention.ts';
export * from './sqlite-outbox-upgrade.ts';
export * from './outbox.ts';
export * from './relay.ts';
export * from './transport.ts';
export * from './in-process.transport.ts';
export * from './kafka.transport.ts';
export * from './inbox-consumer.ts';
export * from './headers.ts';

import { OutboxMessage } from './outbox.entity.ts';
import { InboxMessage } from './inbox.entity.ts';
import { DeadLetter } from './dead-letter.entity.ts';
/** Entities every service adds to its own: its outbox, inbox and dead letters live in its own database. */
export const eventEntities = [OutboxMessage, InboxMessage, DeadLetter];
