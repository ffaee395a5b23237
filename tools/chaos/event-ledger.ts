import pg from 'pg';
import kafkajs from 'kafkajs';
import type { ServiceName } from '@edugraph/contracts';

/** Consumers of `licensing.institution.registered` and the rows each derives from one event. */
export const CONSUMERS: { service: ServiceName; derived: { table: string; levels: string[] } }[] = [
  { service: 'enrollment', derived: { table: 'school', levels: ['PRIMARY', 'JUNIOR'] } },
  { service: 'preschool', derived: { table: 'kindergarten', levels: ['PRESCHOOL'] } },
  { service: 'vocational', derived: { table: 'vocational_school', levels: ['VOCATIONAL'] } },
  { service: 'feedback', derived: { table: 'known_institution', levels: ['PRIMARY', 'JUNIOR', 'PRESCHOOL', 'VOCATIONAL'] } },
];

export interface Ledger {
  /** Registrations in licensing's outbox. */
  events: number;
  unsent: number;
  parked: number;
  /** Per consumer: events with no inbox row (lost, or not yet applied). */
  missing: Record<string, number>;
  /** Per consumer: institutions whose derived row exists more than once (applied twice). */
  doubled: Record<string, number>;
  /** Per consumer: institutions with no derived row although their inbox row exists. */
  underived: Record<string, number>;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Counts every registration in licensing's outbox against every consumer's inbox and derived rows.
 * Inbox rows are matched by event id; derived rows by institution id. Consumer names carry the
 * run's topic prefix.
 */
export async function readLedger(databaseUrls: Record<ServiceName, string>, prefix: string): Promise<Ledger & { eventIds: string[]; applied: Record<string, Set<string>> }> {
  const outbox = await query<{ id: string; key: string; level: string; sent: boolean; parked: boolean }>(
    databaseUrls.licensing,
    `select o.id, o.message_key as key, i.level, o.sent_at is not null as sent, o.parked_at is not null as parked
       from outbox_message o join institution i on i.id::text = o.message_key where o.type = 'licensing.institution.registered'`,
  );
  const ledger: Ledger & { eventIds: string[]; applied: Record<string, Set<string>> } = {
    events: outbox.length,
    unsent: outbox.filter((o) => !o.sent && !o.parked).length,
    parked: outbox.filter((o) => o.parked).length,
    missing: {},
    doubled: {},
    underived: {},
    eventIds: outbox.map((o) => o.id),
    applied: {},
  };
  for (const c of CONSUMERS) {
    const url = databaseUrls[c.service];
    const inbox = new Set((await query<{ id: string }>(url, 'select event_id::text as id from inbox_message where consumer = $1', [`${prefix}${c.service}`])).map((r) => r.id));
    ledger.missing[c.service] = outbox.filter((o) => !inbox.has(o.id)).length;
    ledger.applied[c.service] = inbox;
    const derived = await query<{ id: string; n: string }>(url, `select institution_id::text as id, count(*) as n from ${c.derived.table} group by institution_id`);
    const counts = new Map(derived.map((d) => [d.id, Number(d.n)]));
    const expected = outbox.filter((o) => c.derived.levels.includes(o.level) && inbox.has(o.id));
    ledger.doubled[c.service] = derived.filter((d) => Number(d.n) > 1).length;
    ledger.underived[c.service] = expected.filter((o) => !counts.has(o.key)).length;
  }
  return ledger;
}

/** How many of `eventIds` are on the topic, and how many more times than once (the broker's view). */
export async function readTopic(brokers: string[], topic: string, eventIds: string[]): Promise<{ onTopic: number; duplicates: number }> {
  const kafka = new kafkajs.Kafka({ clientId: 'chaos-ledger', brokers, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const wanted = new Set(eventIds);
  const seen = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: `chaos-ledger-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const remaining = new Map(ends.map((p) => [p.partition, Number(p.high)]));
  await new Promise<void>((resolve) => {
    if ([...remaining.values()].every((h) => h === 0)) return resolve();
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        const id = message.headers?.['edugraph-event-id']?.toString();
        if (id && wanted.has(id)) seen.set(id, (seen.get(id) ?? 0) + 1);
        if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
        if (remaining.size === 0) resolve();
      },
    });
  });
  await consumer.disconnect();
  return { onTopic: seen.size, duplicates: [...seen.values()].reduce((a, n) => a + n - 1, 0) };
}
