import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import type { EventTransport, OutboxRelay, OutboxStats } from '@edugraph/events';

export interface ConsumerGroup {
  groupId: string;
  topics: string[];
}

/**
 * What the operator on call watches for events, read when Prometheus scrapes: the outbox's unsent
 * and parked rows and the age of the oldest unsent one, publishes and publish failures, each
 * consumer group's lag, dead letters. Reading them never fails the scrape: a source that cannot
 * answer (the broker away) leaves its gauge unset for that scrape.
 */
export function registerEventMetrics(registry: Registry, o: { relay: () => OutboxRelay; transport: EventTransport; groups: ConsumerGroup[] }) {
  // One scrape reads three gauges from the same counts: share one reading for a second.
  let reading: Promise<OutboxStats> | undefined;
  const stats = () => {
    if (!reading) {
      reading = o.relay().stats();
      setTimeout(() => (reading = undefined), 1_000).unref();
    }
    return reading;
  };
  new Gauge({
    name: 'edugraph_outbox_unsent',
    help: 'Events in the outbox not yet published (parked ones excluded)',
    registers: [registry],
    async collect() {
      this.set((await stats()).unsent);
    },
  });
  new Gauge({
    name: 'edugraph_outbox_parked',
    help: 'Events the broker kept refusing, waiting for an operator (npm run outbox -- list-parked)',
    registers: [registry],
    async collect() {
      this.set((await stats()).parked);
    },
  });
  new Gauge({
    name: 'edugraph_outbox_oldest_unsent_seconds',
    help: 'Age of the oldest event not yet published',
    registers: [registry],
    async collect() {
      this.set((await stats()).oldestUnsentSeconds);
    },
  });
  new Gauge({
    name: 'edugraph_consumer_lag',
    help: 'Messages a consumer group has not yet processed',
    labelNames: ['group'],
    registers: [registry],
    async collect() {
      if (!o.transport.consumerLag) return;
      for (const g of o.groups) {
        const lag = await o.transport.consumerLag(g.groupId, g.topics).catch(() => undefined);
        if (lag !== undefined) this.set({ group: g.groupId }, lag);
      }
    },
  });
  return {
    published: new Counter({ name: 'edugraph_outbox_published_total', help: 'Events published from the outbox', registers: [registry] }),
    publishFailures: new Counter({ name: 'edugraph_outbox_publish_failures_total', help: 'Outbox publishes that failed (broker away, or a message refused)', registers: [registry] }),
    deadLetters: new Counter({ name: 'edugraph_dead_letters_total', help: 'Messages a consumer could not use, kept in dead_letter', labelNames: ['consumer'], registers: [registry] }),
    dependencyUp: new Gauge({ name: 'edugraph_dependency_up', help: 'Whether a dependency that does not gate readiness (broker, Redis) answered the last probe', labelNames: ['dependency'], registers: [registry] }),
  };
}
