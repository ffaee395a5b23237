import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '@edugraph/contracts';
import { emitEvent } from '@edugraph/events';
import { newId } from '@edugraph/persistence';
import { todayInShanghai } from '@edugraph/rules';
import { itemKey } from '../../domain/measures/index.ts';
import type { ItemSource, ItemState } from '../../domain/measures/index.ts';
import { SupervisionItemRecord } from '../../entities/measure.entities.ts';

export interface OverdueWork {
  source: ItemSource;
  sourceId: string;
  office: string;
  state: ItemState;
  dueOn: string | null;
}

/**
 * Records overdue work as a supervision item of its office, once per source aggregate and state:
 * a redelivered event is stopped by the inbox, a replayed one (new id, same work) by the key.
 * Called by the consumer in the transaction that records the event in the inbox.
 */
export async function recordSupervisionItem(em: EntityManager, work: OverdueWork, envelope: EventEnvelope): Promise<boolean> {
  const sourceKey = itemKey(work.source, work.sourceId, work.state);
  if (await em.findOne(SupervisionItemRecord, { sourceKey })) return false;
  const item = em.create(SupervisionItemRecord, {
    id: newId(),
    sourceKey,
    source: work.source,
    sourceId: work.sourceId.toLowerCase(),
    office: work.office,
    state: work.state,
    dueOn: work.dueOn,
    recordedOn: todayInShanghai(new Date(envelope.occurredAt)),
    eventType: envelope.type,
    eventId: envelope.id,
    createdAt: new Date(),
  });
  emitEvent(em, {
    type: 'feedback.supervision-item.recorded',
    aggregateType: 'SupervisionItem',
    aggregateId: item.id,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.id,
    payload: { itemId: item.id, source: work.source, sourceId: item.sourceId, office: work.office, state: work.state, dueOn: work.dueOn },
  });
  return true;
}
