import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Infrastructure for integration tests. Each comes from its environment variable when set; else
 * from a testcontainers container when a Docker engine is reachable; else the test is skipped with
 * one loud line — or, with EDUGRAPH_REQUIRE_INFRA=1 (CI), the run fails.
 */
export type InfraName = 'postgres' | 'kafka' | 'redis';

const ENV: Record<InfraName, string> = { postgres: 'DATABASE_URL', kafka: 'KAFKA_BROKERS', redis: 'REDIS_URL' };
const required = () => process.env['EDUGRAPH_REQUIRE_INFRA'] === '1';
const dockerAvailable = () => existsSync('/var/run/docker.sock') || Boolean(process.env['DOCKER_HOST']);

const containers = new Map<InfraName, Promise<string>>();

async function fromContainer(name: InfraName): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  if (name === 'postgres') {
    const c = await new GenericContainer('postgres:17').withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' }).withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2)).start();
    return `postgres://postgres@${c.getHost()}:${c.getMappedPort(5432)}/postgres`;
  }
  if (name === 'redis') {
    const c = await new GenericContainer('redis:7').withExposedPorts(6379).start();
    return `redis://${c.getHost()}:${c.getMappedPort(6379)}`;
  }
  // The image's defaults advertise localhost:9092; a fixed host port lets the advertised address match.
  const c = await new GenericContainer('apache/kafka:4.1.2')
    .withExposedPorts({ container: 19092, host: 19092 })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:19092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return `${c.getHost()}:19092`;
}

/** The URL of an infrastructure service, or undefined when the calling test file must skip. */
export async function infraUrl(name: InfraName): Promise<string | undefined> {
  const fromEnv = process.env[ENV[name]];
  if (fromEnv) return fromEnv;
  if (dockerAvailable()) {
    if (!containers.has(name)) containers.set(name, fromContainer(name));
    return containers.get(name)!;
  }
  const line = `!!! ${name} not available: set ${ENV[name]} or provide a Docker engine`;
  if (required()) throw new Error(`${line} (EDUGRAPH_REQUIRE_INFRA=1)`);
  console.warn(`${line} — SKIPPING the tests that need it`);
  return undefined;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toLowerCase();
}

/** Creates a database of its own for one test file; returns its URL and a function that drops it. */
export async function createTestDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName(`edugraph_test_${prefix}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
