import kafkajs from 'kafkajs';
import type { Admin, Consumer, Kafka as KafkaClient, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { EventTransport, SubscribeOptions, Subscription, TransportMessage } from './transport.ts';

const { Kafka, logLevel, CompressionTypes, Partitioners } = kafkajs;

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Partitions for topics this transport creates. */
  partitions?: number;
  replicationFactor?: number;
}

function alreadyExists(error: unknown): boolean {
  const e = error as { type?: string; errors?: { type?: string }[] };
  return e.type === 'TOPIC_ALREADY_EXISTS' || (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => x.type === 'TOPIC_ALREADY_EXISTS'));
}

/** Retries what a broker may refuse for a moment (metadata not yet everywhere), then gives up. */
async function withRetries<T>(op: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      if (attempt >= attempts || (error as { retriable?: boolean }).retriable === false) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/**
 * Kafka through kafkajs. kafkajs is in maintenance mode, so nothing outside this file knows it:
 * replacing it with another client means rewriting this one class.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: KafkaClient;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers = new Set<Consumer>();
  private readonly knownTopics = new Set<string>();
  private connected: Promise<void> | undefined;

  private readonly options: KafkaTransportOptions;

  constructor(options: KafkaTransportOptions) {
    this.options = options;
    const log = options.logger.child({ component: 'kafka' });
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
      logLevel: logLevel.WARN,
      logCreator: () => ({ level, log: entry }) => {
        const { message, ...extra } = entry;
        if (level <= logLevel.ERROR) log.error(extra, message);
        else log.warn(extra, message);
      },
    });
    // Idempotent: a retried send after a lost ack is written once, in order, per partition.
    // The default (murmur2) partitioner matches Java clients: a key lands on the same partition.
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    this.admin = this.kafka.admin();
  }

  connect(): Promise<void> {
    this.connected ??= (async () => {
      await this.admin.connect();
      await this.producer.connect();
    })().catch((error) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }

  async publish(topic: string, messages: TransportMessage[]): Promise<void> {
    await this.connect();
    await this.ensureTopics([topic]);
    await this.producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.connect();
    await this.ensureTopics(options.topics);
    const consumer = this.kafka.consumer({ groupId: options.groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, rebalanceTimeout: 10_000 });
    await consumer.connect();
    await withRetries(() => consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true }));
    await consumer.run({
      // The offset is committed only after handle() resolved: a crash in between redelivers.
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
        await options.handle({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers,
        });
      },
    });
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async ping(): Promise<boolean> {
    try {
      await this.connect();
      await this.admin.describeCluster();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
    this.connected = undefined;
  }

  /**
   * Creates missing topics and waits until every partition has a leader in the metadata: right
   * after creation a broker may still answer "does not host this topic-partition" for a moment.
   */
  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    try {
      // Not kafkajs's waitForLeaders: it gives up on "does not host this topic-partition".
      await this.admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions ?? 3, replicationFactor: this.options.replicationFactor ?? 1 })),
      });
    } catch (error) {
      // Another process created it a moment ago: that is what we wanted.
      if (!alreadyExists(error)) throw error;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const { topics: meta } = await this.admin.fetchTopicMetadata({ topics: missing });
        if (meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) break;
      } catch (error) {
        if (attempt >= 20) throw error;
      }
      if (attempt >= 20) throw new Error(`topics ${missing.join(', ')} have no partition leaders after ${attempt} checks`);
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const t of missing) this.knownTopics.add(t);
  }
}
