import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { infraUrl, uniqueName } from '@edugraph/testing';
import { ensureDatabase, realInfrastructureFromEnv } from './real-system.ts';

const adminUrl = await infraUrl('postgres');

describe('the real-infrastructure launcher', () => {
  it('takes the infrastructure from the environment, else the local defaults', () => {
    expect(realInfrastructureFromEnv({})).toEqual({ adminDatabaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres', kafkaBrokers: '127.0.0.1:9092', redisUrl: 'redis://127.0.0.1:6379' });
    expect(realInfrastructureFromEnv({ DATABASE_URL: 'postgres://u:p@db:5432/admin', KAFKA_BROKERS: 'k1:9092,k2:9092', REDIS_URL: 'rediss://cache:6380' })).toEqual({
      adminDatabaseUrl: 'postgres://u:p@db:5432/admin',
      kafkaBrokers: 'k1:9092,k2:9092',
      redisUrl: 'rediss://cache:6380',
    });
  });

  it.skipIf(!adminUrl)('creates a service database once and finds it on the next start', async () => {
    const name = uniqueName('edugraph_test_launcher');
    const first = await ensureDatabase(adminUrl!, name);
    const second = await ensureDatabase(adminUrl!, name);
    try {
      expect(second).toBe(first);
      expect(new URL(first).pathname).toBe(`/${name}`);
      const client = new pg.Client({ connectionString: first });
      await client.connect();
      expect((await client.query('select current_database() as db')).rows).toEqual([{ db: name }]);
      await client.end();
    } finally {
      const admin = new pg.Client({ connectionString: adminUrl! });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
