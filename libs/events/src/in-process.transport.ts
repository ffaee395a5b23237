import type { DeliveredMessage, EventTransport, SubscribeOptions, Subscription, TransportMessage } from './transport.ts';
import { retryPolicy } from './retry.ts';

interface Group {
  groupId: string;
  handle: (m: DeliveredMessage) => Promise<void>;
  /** Deliveries run one after another per group, as a Kafka partition would. */
  chain: Promise<void>;
  active: boolean;
}

/**
 * The embedded default's broker: one process, consumer groups that each get every message published
 * while they are subscribed. It keeps nothing itself: the outbox is the log. A publish resolves only
 * once every group has handled the message, so the relay marks the row sent only after every
 * consumer committed; if one cannot, the publish fails and the row stays for the next attempt or
 * the next start (the inboxes drop what was already applied). The embedded default subscribes
 * every consumer before any relay starts, so no event is published before its consumers listen.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly nextOffset = new Map<string, number>();
  private readonly groups = new Map<string, Group[]>();
  private readonly attempts: number;

  constructor(options: { deliveryAttempts?: number } = {}) {
    this.attempts = options.deliveryAttempts ?? 5;
  }

  async connect(): Promise<void> {}

  async publish(topic: string, messages: TransportMessage[]): Promise<void> {
    const deliveries: Promise<void>[] = [];
    for (const m of messages) {
      const offset = this.nextOffset.get(topic) ?? 0;
      this.nextOffset.set(topic, offset + 1);
      const delivered: DeliveredMessage = { ...m, topic, partition: 0, offset: String(offset) };
      for (const group of this.groups.get(topic) ?? []) deliveries.push(this.enqueue(group, delivered));
    }
    await Promise.all(deliveries);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const subscribed: Array<[string, Group]> = [];
    for (const topic of options.topics) {
      const existing = (this.groups.get(topic) ?? []).find((g) => g.groupId === options.groupId && g.active);
      if (existing) throw new Error(`group ${options.groupId} already consumes ${topic} in this process`);
      const group: Group = { groupId: options.groupId, handle: asHandle(options), chain: Promise.resolve(), active: true };
      this.groups.set(topic, [...(this.groups.get(topic) ?? []), group]);
      subscribed.push([topic, group]);
    }
    return {
      stop: async () => {
        for (const [topic, group] of subscribed) {
          group.active = false;
          await group.chain;
          this.groups.set(topic, (this.groups.get(topic) ?? []).filter((g) => g !== group));
        }
      },
    };
  }

  /** Resolves when every queued delivery has been handled (tests and graceful shutdown). */
  async idle(): Promise<void> {
    for (const groups of this.groups.values()) await Promise.all(groups.map((g) => g.chain));
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async consumerLag(): Promise<number> {
    return 0; // a publish waits for its consumers: nothing is ever behind
  }

  async close(): Promise<void> {
    await this.idle();
  }

  /**
   * Queues a delivery behind the group's earlier ones and retries a failing handler a few times.
   * It rejects when the handler keeps failing or the group stops first, so the publisher (the relay)
   * keeps the event.
   */
  private enqueue(group: Group, message: DeliveredMessage): Promise<void> {
    const policy = retryPolicy({ maxAttempts: this.attempts, initialDelayMs: 50, maxDelayMs: 1_000, shouldRetry: () => group.active });
    const delivery = group.chain.then(async () => {
      if (!group.active) throw new Error(`consumer group ${group.groupId} stopped before handling ${message.topic}/${message.offset}`);
      await policy.execute(() => {
        if (!group.active) throw new Error(`consumer group ${group.groupId} stopped before handling ${message.topic}/${message.offset}`);
        return group.handle(message);
      });
    });
    group.chain = delivery.catch(() => {});
    return delivery;
  }
}

/** Each delivery is a batch of one here: a publish waits for its consumers, so none ever piles up. */
function asHandle(options: SubscribeOptions): (m: DeliveredMessage) => Promise<void> {
  const { handleBatch } = options;
  if (!handleBatch) return options.handle;
  return (message) => handleBatch({ messages: [message], resolve: () => {}, heartbeat: async () => {} });
}
