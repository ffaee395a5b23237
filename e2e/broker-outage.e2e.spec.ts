import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { enrollmentService } from '@edugraph/enrollment';
import { licensingService } from '@edugraph/licensing';
import { startService } from '@edugraph/platform';
import type { RunningService, ServiceModule } from '@edugraph/platform';
import { ACTOR_TOKEN_HEADER, createActorSigner } from '@edugraph/auth';
import { TEST_ACTOR_KEYS, TEST_ACTOR_PUBLIC_KEYS, TEST_PII_KEYS, bureauStaff, eventually, graphql, infraUrl, startTcpProxy, uniqueName } from '@edugraph/testing';
import type { TcpProxy } from '@edugraph/testing';

const brokers = await infraUrl('kafka');

describe.skipIf(!brokers)('a service started while the broker and Redis are down', () => {
  const lines: { level: number; msg: string; component?: string }[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  const running: RunningService[] = [];
  let broker: TcpProxy;
  afterAll(async () => {
    for (const s of running.reverse()) await s.stop().catch(() => {});
    await broker?.close();
  });

  it('starts, serves and reports ready; its events and consumers catch up once the broker answers', async () => {
    // The broker's address, unreachable at first: it answers once the proxy resumes.
    broker = await startTcpProxy(brokers!.split(',')[0]!, { startCut: true });
    const prefix = `${uniqueName('outage')}.`;
    const start = (module: ServiceModule) =>
      startService(
        module,
        {
          host: '127.0.0.1',
          port: 0,
          databaseUrl: 'sqlite::memory:',
          kafkaBrokers: [broker.address],
          redisUrl: 'redis://127.0.0.1:1', // nothing listens there
          actorPublicKeys: TEST_ACTOR_PUBLIC_KEYS,
          metrics: null,
          topicPrefix: prefix,
          piiKeys: TEST_PII_KEYS,
          logLevel: 'debug',
        },
        { logger: logger.child({ service: module.name }), collectDefaultMetrics: false },
      );
    const licensing = await start(licensingService);
    const enrollment = await start(enrollmentService);
    running.push(licensing, enrollment);

    const ready = await (await fetch(licensing.url.replace('/graphql', '/health/ready'))).json();
    // Ready means it can serve: its database answers. The broker and Redis are reported, not required.
    expect(ready).toEqual({ status: 'ready', service: 'licensing', checks: { database: true }, dependencies: { kafka: false, redis: false } });

    const signer = await createActorSigner(TEST_ACTOR_KEYS.privateJwk);
    const as = (service: RunningService) => (query: string) =>
      graphql<Record<string, { institution?: { id: string } }>>(service.url, query, {}, {}, async (body) => ({ [ACTOR_TOKEN_HEADER]: await signer.sign(bureauStaff, service.name, body) }));
    const registered = await as(licensing)('mutation { registerInstitution(input: { name: "Outage School", level: PRIMARY, ownership: PUBLIC, districtCode: "D01" }) { institution { id } } }');
    const id = registered['registerInstitution']!.institution!.id;
    const setSeats = `mutation { setSeatCapacity(input: { institutionId: "${id}", year: 2026, grade: 1, capacity: 40 }) { seatPool { capacity } } }`;
    await expect(as(enrollment)(setSeats)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await new Promise((r) => setTimeout(r, 3_000)); // an outage of a few seconds, with retries
    broker.resume();
    await eventually(() => as(enrollment)(setSeats), 60_000, 500);

    // The outage was told in a few lines, not one per kafkajs retry.
    const outageLines = lines.filter((l) => l.level >= 40);
    expect(outageLines.filter((l) => /kafka unreachable/.test(l.msg)).length).toBeGreaterThan(0);
    expect(outageLines.length).toBeLessThanOrEqual(8);
    expect(lines.some((l) => /kafka reachable/.test(l.msg))).toBe(true);
  }, 120_000);
});
