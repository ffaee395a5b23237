import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Each service keeps its own registry, so the embedded process can serve five /metrics apart. */
export function createMetrics(service: string, withDefaults: boolean) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (withDefaults) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'edugraph_http_request_duration_seconds',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'edugraph_graphql_errors_total',
      help: 'GraphQL errors by code',
      labelNames: ['code'],
      registers: [registry],
    }),
    eventsConsumed: new Counter({
      name: 'edugraph_events_consumed_total',
      help: 'Events consumed by type and outcome (processed, duplicate)',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
