/**
 * The broker refused a message for what it is (too large, invalid), while it is up: publishing it
 * again will not help. Anything else a publish throws is an outage or a hiccup, retried as such.
 */
export class MessageRefusedError extends Error {
  override readonly name = 'MessageRefusedError';
}

/** A message as it travels: the key keeps one aggregate's events in order on one partition. */
export interface TransportMessage {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface DeliveredMessage extends TransportMessage {
  topic: string;
  partition: number;
  offset: string;
  /** Tells the broker the consumer is alive while a handler waits to retry (Kafka only). */
  heartbeat?: () => Promise<void>;
}

export interface SubscribeOptions {
  /** Consumer group: one per consuming service, so replicas share the work. */
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  /** Resolves once the message is fully handled; a rejection means "deliver it again". */
  handle(message: DeliveredMessage): Promise<void>;
  /**
   * Handles several messages of one partition at once, in order, when the transport can (Kafka's
   * eachBatch). Messages up to one passed to `batch.resolve` count as handled even if it rejects
   * later; a rejection redelivers the rest. Without it, or where the transport cannot, `handle`
   * is called once per message.
   */
  handleBatch?(batch: DeliveredBatch): Promise<void>;
}

export interface DeliveredBatch {
  messages: DeliveredMessage[];
  /** Marks this message and every earlier one of the batch handled (Kafka commits past them). */
  resolve(message: DeliveredMessage): void;
  /** Tells the broker the consumer is alive during a long batch. */
  heartbeat(): Promise<void>;
}

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * The only seam between our code and the broker. Kafka (kafkajs) and the in-process bus both
 * implement it, so the outbox, relay and inbox run the same code in both modes.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  connect(): Promise<void>;
  publish(topic: string, messages: TransportMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  ping(): Promise<boolean>;
  /** Messages a consumer group has yet to process on these topics, where the broker can tell. */
  consumerLag?(groupId: string, topics: string[]): Promise<number>;
  close(): Promise<void>;
}
