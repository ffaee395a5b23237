// For the operator on call: what waits in a service's outbox, and letting a parked event go again.
//   npm run outbox -- <service> stats | list-parked | unpark <event-id> | list-dead-letters
// The database is DATABASE_URL (real infrastructure) or, without it, the embedded default's SQLite
// file of that service under EDUGRAPH_DATA_DIR (default .data). Nothing else is changed.
import { SERVICES } from '@edugraph/contracts';
import type { ServiceName } from '@edugraph/contracts';
import { DeadLetter, OutboxMessage, eventEntities } from '@edugraph/events';
import { openDatabase } from '@edugraph/persistence';

const [service, command, eventId] = process.argv.slice(2);
const usage = `usage: npm run outbox -- <${SERVICES.join('|')}> stats | list-parked | unpark <event-id> | list-dead-letters`;
if (!SERVICES.includes(service as ServiceName) || !command) {
  console.error(usage);
  process.exit(2);
}
const url = process.env['DATABASE_URL'] ?? `sqlite:${process.env['EDUGRAPH_DATA_DIR'] ?? '.data'}/${service}.sqlite`;
const db = await openDatabase({ url, entities: eventEntities, migrations: [], prepareSchema: false });
const em = db.orm.em.fork();
try {
  switch (command) {
    case 'stats': {
      const [unsent, parked, deadLetters, oldest] = await Promise.all([
        em.count(OutboxMessage, { sentAt: null, parkedAt: null }),
        em.count(OutboxMessage, { parkedAt: { $ne: null } }),
        em.count(DeadLetter, {}),
        em.findOne(OutboxMessage, { sentAt: null }, { orderBy: { seq: 'asc' } }),
      ]);
      console.log(JSON.stringify({ service, unsent, parked, deadLetters, oldestUnsentAt: oldest?.createdAt ?? null }));
      break;
    }
    case 'list-parked': {
      const rows = await em.find(OutboxMessage, { parkedAt: { $ne: null } }, { orderBy: { seq: 'asc' } });
      if (rows.length === 0) console.log(`${service}: no parked events`);
      for (const r of rows) console.log(`${r.id}  ${r.type}  key=${r.messageKey}  parked=${r.parkedAt!.toISOString()}  rejections=${r.rejections}  ${r.lastError ?? ''}`);
      break;
    }
    case 'unpark': {
      if (!eventId) throw new Error(usage);
      const changed = await em.nativeUpdate(OutboxMessage, { id: eventId, parkedAt: { $ne: null } }, { parkedAt: null, rejections: 0 });
      console.log(changed ? `${service}: ${eventId} unparked; the relay publishes it at its next round` : `${service}: no parked event ${eventId}`);
      if (!changed) process.exitCode = 1;
      break;
    }
    case 'list-dead-letters': {
      const rows = await em.find(DeadLetter, {}, { orderBy: { seq: 'asc' } });
      if (rows.length === 0) console.log(`${service}: no dead letters`);
      for (const r of rows) console.log(`${r.createdAt.toISOString()}  ${r.consumer}  ${r.eventType ?? '?'}  from ${r.source}  ${r.reason}`);
      break;
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
} finally {
  await db.close();
}
