// The real system for end-to-end tests: each service and the gateway a process of its own on the
// environment's PostgreSQL, Kafka and Redis, kept apart from other runs (free ports, a database per
// service, a topic prefix of its own), and a Kafka reader that sees topics as an outsider would.
import kafkajs from 'kafkajs';
import type { ActorKeyPair } from '@edugraph/auth';
import { SERVICES } from '@edugraph/contracts';
import { createTestDatabase } from '@edugraph/testing';
import { startRealSystem } from '../tools/start/real-system.ts';
import type { RealSystem } from '../tools/start/real-system.ts';

export interface RealTestSystem {
  system: RealSystem;
  /** Stops every process and drops the databases; the exit codes by process. */
  stop(): Promise<Record<string, number | null>>;
}

/** Every process drained and exited on SIGTERM by itself. */
export const CLEAN_EXIT = Object.fromEntries([...SERVICES, 'gateway'].map((name) => [name, 0]));

export async function startRealTestSystem(o: { pgUrl: string; brokers: string; redisUrl: string; topicPrefix: string; jwtSecret: string; actorKeys: ActorKeyPair }): Promise<RealTestSystem> {
  const drops: (() => Promise<void>)[] = [];
  const system = await startRealSystem({
    adminDatabaseUrl: o.pgUrl,
    kafkaBrokers: o.brokers,
    redisUrl: o.redisUrl,
    startLocalKafka: false,
    databaseFor: async (service) => {
      const db = await createTestDatabase(o.pgUrl, service);
      drops.push(db.drop);
      return db.url;
    },
    gatewayPort: 0,
    topicPrefix: o.topicPrefix,
    jwtSecret: o.jwtSecret,
    actorKeys: o.actorKeys,
    logLevel: 'warn',
    // Kept per process for the failure report instead of printed.
    onLine: () => {},
  });
  return {
    system,
    stop: async () => {
      const codes = await system.stop();
      for (const drop of drops) await drop().catch(() => {});
      return codes;
    },
  };
}

export interface KafkaMessage {
  topic: string;
  key: string;
  value: string;
}

/**
 * A consumer group of its own reading `topics` from the beginning; the topics are made first with the
 * services' partitions if no service has made them yet. Messages are pushed to `into` as they come.
 */
export async function readTopics(brokers: string, groupId: string, topics: string[], into: KafkaMessage[]): Promise<{ kafka: kafkajs.Kafka; stop(): Promise<void> }> {
  const kafka = new kafkajs.Kafka({ clientId: groupId, brokers: brokers.split(','), logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ topic, message }) => void into.push({ topic, key: message.key!.toString(), value: message.value!.toString() }) });
  return { kafka, stop: () => consumer.disconnect() };
}
