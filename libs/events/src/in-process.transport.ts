import type { DeliveredMessage, EventTransport, SubscribeOptions, Subscription, TransportMessage } from './transport.ts';

interface Group {
  groupId: string;
  handle: (m: DeliveredMessage) => Promise<void>;
  /** Deliveries run one after another per group, as a Kafka partition would. */
  chain: Promise<void>;
  active: boolean;
}

/** How many times an in-process delivery is retried before it is reported and given up. */
const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * The embedded default's broker: one process, topics as in-memory logs, consumer groups that each
 * get every message once (at least once within the process lifetime). Published messages are kept
 * in a bounded log so a group that subscribes late with fromBeginning still sees them.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly logs = new Map<string, DeliveredMessage[]>();
  private readonly nextOffset = new Map<string, number>();
  private readonly groups = new Map<string, Group[]>();
  private readonly maxLog: number;
  private readonly onError: (error: unknown, message: DeliveredMessage) => void;

  constructor(options: { maxLog?: number; onError?: (error: unknown, message: DeliveredMessage) => void } = {}) {
    this.maxLog = options.maxLog ?? 10_000;
    this.onError = options.onError ?? (() => {});
  }

  async connect(): Promise<void> {}

  /**
   * Resolves once every subscribed group has handled the messages, so the relay marks an outbox
   * row sent only after its consumers committed: a crash in between republishes it at the next
   * start, and the inboxes drop the duplicate.
   */
  async publish(topic: string, messages: TransportMessage[]): Promise<void> {
    const log = this.logs.get(topic) ?? [];
    this.logs.set(topic, log);
    const deliveries: Promise<void>[] = [];
    for (const m of messages) {
      const offset = this.nextOffset.get(topic) ?? 0;
      this.nextOffset.set(topic, offset + 1);
      const delivered: DeliveredMessage = { ...m, topic, partition: 0, offset: String(offset) };
      log.push(delivered);
      if (log.length > this.maxLog) log.shift();
      for (const group of this.groups.get(topic) ?? []) deliveries.push(this.enqueue(group, delivered));
    }
    await Promise.all(deliveries);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const subscribed: Array<[string, Group]> = [];
    for (const topic of options.topics) {
      const existing = (this.groups.get(topic) ?? []).find((g) => g.groupId === options.groupId && g.active);
      if (existing) throw new Error(`group ${options.groupId} already consumes ${topic} in this process`);
      const group: Group = { groupId: options.groupId, handle: options.handle, chain: Promise.resolve(), active: true };
      this.groups.set(topic, [...(this.groups.get(topic) ?? []), group]);
      subscribed.push([topic, group]);
      if (options.fromBeginning) for (const m of this.logs.get(topic) ?? []) this.enqueue(group, m);
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

  async close(): Promise<void> {
    await this.idle();
  }

  /**
   * Queues a delivery behind the group's earlier ones. It rejects when the group stops before
   * handling the message, so the publisher (the relay) keeps the event for the next start.
   */
  private enqueue(group: Group, message: DeliveredMessage): Promise<void> {
    const delivery = group.chain.then(async () => {
      for (let attempt = 1; group.active; attempt++) {
        try {
          await group.handle(message);
          return;
        } catch (error) {
          if (!group.active) break;
          if (attempt >= MAX_DELIVERY_ATTEMPTS) {
            this.onError(error, message);
            return;
          }
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
      throw new Error(`consumer group ${group.groupId} stopped before handling ${message.topic}/${message.offset}`);
    });
    group.chain = delivery.catch(() => {});
    return delivery;
  }
}
