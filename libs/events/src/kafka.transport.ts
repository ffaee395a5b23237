import kafkajs from 'kafkajs';
import type { Admin, Consumer, Kafka as KafkaClient, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { MessageRefusedError } from './transport.ts';
import type { DeliveredMessage, EventTransport, SubscribeOptions, Subscription, TransportMessage } from './transport.ts';
import { retryPolicy } from './retry.ts';

const { Kafka, logLevel, CompressionTypes, Partitioners } = kafkajs;

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Partitions for topics this transport creates. */
  partitions?: number;
  replicationFactor?: number;
  /**
   * Partitions one consumer handles at the same time (each still in order). More than 1 only on
   * a database that takes concurrent transactions (PostgreSQL, not SQLite's single connection).
   */
  partitionsConsumedConcurrently?: number;
}

function alreadyExists(error: unknown): boolean {
  const e = error as { type?: string; errors?: { type?: string }[] };
  return e.type === 'TOPIC_ALREADY_EXISTS' || (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => x.type === 'TOPIC_ALREADY_EXISTS'));
}

/** What the broker refuses a message for, whatever it is doing otherwise: retrying will not help. */
const MESSAGE_REFUSALS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TIMESTAMP']);

function refusalOf(error: unknown): string | undefined {
  for (let e = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.type && MESSAGE_REFUSALS.has(e.type)) return e.type;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return undefined;
}

function delivered(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): DeliveredMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
  return { topic, partition, offset: message.offset, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers, heartbeat };
}

/** Metadata a broker may not have everywhere for a moment (a topic just created): a few retries. */
const briefly = retryPolicy({ maxAttempts: 10, initialDelayMs: 200, maxDelayMs: 2_000, shouldRetry: (e) => (e as { retriable?: boolean }).retriable !== false });

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
  /** Whether the broker answered last time we asked; its changes are logged, once each. */
  private reachable: boolean | undefined;
  private closing = false;
  private readonly log: Logger;

  private readonly options: KafkaTransportOptions;

  constructor(options: KafkaTransportOptions) {
    this.options = options;
    const log = (this.log = options.logger.child({ component: 'kafka' }));
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
      logLevel: logLevel.WARN,
      // kafkajs repeats every connection error at ERROR, thousands of lines in an outage; they go
      // to debug, and this class logs the broker's state once per change instead.
      logCreator: () => ({ log: entry }) => {
        const { message, ...extra } = entry;
        log.debug(extra, message);
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
    try {
      await this.connect();
      await this.ensureTopics([topic]);
      await this.producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) throw new MessageRefusedError(`${refusal}: ${(error as Error).message}`);
      throw error;
    }
  }

  /**
   * Returns at once; the consumer joins its group in the background, retrying with backoff for as
   * long as the broker is away, so a service starts and serves without it and catches up after.
   */
  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const abort = new AbortController();
    let consumer: Consumer | undefined;
    const joining = retryPolicy({ maxAttempts: Infinity, initialDelayMs: 500, maxDelayMs: 10_000 })
      .execute(async () => {
        // The session (10 s) outlasts two of the handler's longest pauses between heartbeats (5 s), and
        // is short, so a consumer that died is replaced quickly.
        consumer = this.kafka.consumer({ groupId: options.groupId, sessionTimeout: 10_000, heartbeatInterval: 2_000, rebalanceTimeout: 12_000 });
        this.consumers.add(consumer);
        try {
          await this.connect();
          await this.ensureTopics(options.topics);
          await consumer.connect();
          await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
          const { handleBatch } = options;
          // An offset is committed only after its message was handled: a crash in between redelivers.
          await consumer.run({
            partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
            ...(handleBatch
              ? {
                  eachBatchAutoResolve: false,
                  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
                    const messages = batch.messages.map((m) => delivered(batch.topic, batch.partition, m, heartbeat));
                    await handleBatch({ messages, resolve: (m) => resolveOffset(m.offset), heartbeat });
                    if (messages.length) resolveOffset(messages[messages.length - 1]!.offset);
                  },
                }
              : { eachMessage: ({ topic, partition, message, heartbeat }) => options.handle(delivered(topic, partition, message, heartbeat)) }),
          });
          this.brokerIs(true);
        } catch (error) {
          this.brokerIs(false, error);
          this.consumers.delete(consumer);
          await consumer.disconnect().catch(() => {});
          throw error;
        }
      }, abort.signal)
      .catch((error) => {
        if (!abort.signal.aborted) this.log.error({ err: error, groupId: options.groupId }, 'kafka consumer gave up joining its group');
      });
    return {
      stop: async () => {
        abort.abort();
        await joining;
        if (!consumer) return;
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async ping(): Promise<boolean> {
    try {
      await this.connect();
      await this.admin.describeCluster();
      this.brokerIs(true);
      return true;
    } catch (error) {
      this.brokerIs(false, error);
      return false;
    }
  }

  /** Messages the group has not yet committed, summed over the topics' partitions (for metrics). */
  async consumerLag(groupId: string, topics: string[]): Promise<number> {
    await this.connect();
    let lag = 0;
    for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId, topics })) {
      const ends = new Map((await this.admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
      for (const p of partitions) lag += Math.max(0, (ends.get(p.partition) ?? 0) - Math.max(0, Number(p.offset)));
    }
    return lag;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
    this.connected = undefined;
  }

  private brokerIs(up: boolean, error?: unknown): void {
    if (this.reachable === up || this.closing) return;
    if (up) this.log.info({ brokers: this.options.brokers }, this.reachable === false ? 'kafka reachable again' : 'kafka reachable');
    else this.log.warn({ brokers: this.options.brokers, err: error }, 'kafka unreachable; events wait in the outbox, consumers keep trying');
    this.reachable = up;
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
    await briefly.execute(async () => {
      const { topics: meta } = await this.admin.fetchTopicMetadata({ topics: missing });
      if (!meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) {
        throw new Error(`topics ${missing.join(', ')} have no partition leaders yet`);
      }
    });
    for (const t of missing) this.knownTopics.add(t);
  }
}
