import { hostname } from 'node:os';
import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { deadLetterTopic, eventsTopic } from '@edugraph/contracts';
import type { ServiceName } from '@edugraph/contracts';
import { InProcessTransport, KafkaTransport, OutboxRelay, eventEntities, subscribeWithInbox, upgradeSqliteOutbox } from '@edugraph/events';
import type { EventHandler, EventTransport, Subscription } from '@edugraph/events';
import { openDatabase } from '@edugraph/persistence';
import type { MigrationClass } from '@edugraph/persistence';
import { CommandGuard, MemoryCache, MemoryDataVersions, RedisCache, RedisDataVersions, ResilientCache, connectRedis } from '@edugraph/cache';
import type { SharedRedis } from '@edugraph/cache';
import type { Cache, DataVersions } from '@edugraph/cache';
import type { ServiceConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { startSubgraphServer } from './subgraph-server.ts';
import type { Resolvers, RunningHttpServer } from './subgraph-server.ts';
import type { RestRoute } from './rest-routes.ts';
import { startMetricsServer } from './http-server.ts';
import type { ReadinessCheck, RunningMetricsServer } from './http-server.ts';
import { registerEventMetrics } from './event-metrics.ts';
import type { ConsumerGroup } from './event-metrics.ts';
import { scheduleRetention } from './retention.ts';
import type { Registry } from 'prom-client';

/** What a service's own code gets to build itself: infrastructure, already connected. */
export interface ServiceInfra {
  orm: MikroORM;
  cache: Cache;
  logger: Logger;
  /** Now: the system clock, or a test's. Rules that count days read today from it. */
  clock: () => Date;
  /** The keyring for personal data at rest (EDUGRAPH_PII_KEYS); a service holding children's data requires it. */
  piiKeyring: string | undefined;
  /** The replicas' shared Redis, for rate limits (`createRateLimit`); undefined without REDIS_URL (counted in memory). */
  redis?: SharedRedis | undefined;
}

/**
 * Work a service does on a schedule, beside requests and events (a statutory clock's deemed
 * acceptance). Every replica runs it: a job must be safe to run twice at once (optimistic
 * versions, conditional updates), which also makes a missed run harmless.
 */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Resolves to what it changed: 0, false or all-zero counts say nothing (the data version stays). */
  run(): Promise<unknown>;
}

export interface EventSubscriptionSpec {
  /** Services whose events this consumer reads. */
  from: ServiceName[];
  handlers: Partial<Record<string, EventHandler>>;
  /** Consumer name; defaults to the service name. */
  consumer?: string;
}

export interface BuiltService {
  typeDefs: DocumentNode;
  resolvers: Resolvers;
  subscriptions: EventSubscriptionSpec[];
  jobs?: ScheduledJob[];
  /** Plain HTTP routes beside GraphQL (open data, Open311), under REST_PREFIXES; the gateway proxies them. */
  restRoutes?: RestRoute[];
}

/** The static description of a service: what the host needs before any I/O. */
export interface ServiceModule {
  name: ServiceName;
  // Schemas of different entity types in one list: their type parameters cannot be one type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[];
  migrations: { name: string; class: MigrationClass }[];
  createService(infra: ServiceInfra): BuiltService;
}

export interface RunningService {
  name: ServiceName;
  url: string;
  /** The service's database (demo seeding and operator tools in the same process). */
  orm: MikroORM;
  relay: OutboxRelay;
  /** This service's Prometheus registry (the embedded default serves all five on one port). */
  metricsRegistry: Registry;
  /** Where this service serves its own metrics; undefined when config.metrics is null. */
  metricsUrl: string | undefined;
  /** Starts the relay when `startRelay: false` held it back (the embedded default, once all listen). */
  startRelay(): void;
  /** Runs every scheduled job once now and waits for it (tests, operators). */
  runJobs(): Promise<void>;
  /** Stops taking requests; consumers and relay keep running (first step of a shutdown). */
  stopServing(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOverrides {
  /** The embedded default shares one in-process bus between its services. */
  transport?: EventTransport;
  logger?: Logger;
  /** Process-wide metrics (heap, event loop) once per process: off for all but one service in it. */
  collectDefaultMetrics?: boolean;
  /** How often the relay looks at the outbox when nothing nudged it. */
  relayPollIntervalMs?: number;
  /** The service's clock (tests move time); default the system clock. */
  clock?: () => Date;
  /** false: scheduled jobs run only when runJobs() is called (tests). Default true. */
  scheduleJobs?: boolean;
  /**
   * Where this service bumps its data version (see DataVersions). The embedded default shares one
   * in memory with its gateway; otherwise it is Redis when configured, else this process's memory
   * (no gateway can see it: a gateway without Redis caches no answers).
   */
  dataVersions?: DataVersions;
  /**
   * false: subscribe the consumers but leave the relay stopped until `startRelay()`. The embedded
   * default starts every relay only once every service's consumers listen, so nothing is published
   * on the in-process bus before its consumers are there.
   */
  startRelay?: boolean;
}

/**
 * Starts one service from its module and config: database, transport, cache, relay, consumers and
 * the HTTP server. `stop()` shuts down in reverse: no new requests, consumers stop, the relay
 * drains what is in the outbox, then connections close.
 */
export async function startService(module: ServiceModule, config: ServiceConfig, overrides: StartOverrides = {}): Promise<RunningService> {
  const logger = overrides.logger ?? createLogger(module.name, config.logLevel);
  const metrics = createMetrics(module.name, overrides.collectDefaultMetrics ?? true);
  const database = await openDatabase({ url: config.databaseUrl, entities: [...module.entities, ...eventEntities], migrations: module.migrations, beforeSqliteSchemaSync: upgradeSqliteOutbox });
  const transport: EventTransport =
    overrides.transport ??
    (config.kafkaBrokers
      ? new KafkaTransport({
          brokers: config.kafkaBrokers,
          clientId: `edugraph-${module.name}`,
          logger,
          replicationFactor: config.kafkaReplicationFactor ?? 1,
          // PostgreSQL takes one transaction per partition at once; SQLite has one connection.
          partitionsConsumedConcurrently: database.kind === 'postgresql' ? 3 : 1,
        })
      : new InProcessTransport());
  const ownsTransport = !overrides.transport;
  const redisClient = config.redisUrl ? await connectRedis(config.redisUrl, () => {}) : undefined;
  const cache: Cache = new ResilientCache(redisClient ? new RedisCache(redisClient, `${config.topicPrefix}edugraph:${module.name}:`) : new MemoryCache(), logger, {
    commandTimeoutMs: config.redisCommandTimeoutMs,
  });
  const ownVersions =
    !overrides.dataVersions && redisClient
      ? new RedisDataVersions(
          { client: redisClient, guard: new CommandGuard({ logger, backend: 'Redis (data versions)', fallback: 'owing data-version bumps', commandTimeoutMs: config.redisCommandTimeoutMs }) },
          { prefix: config.topicPrefix },
        )
      : undefined;
  const dataVersions: DataVersions = overrides.dataVersions ?? ownVersions ?? new MemoryDataVersions();
  // Every committed change of this service's data replaces its version: cached answers at the
  // gateway that read it are not served again. Applying another service's event is such a change
  // even when the reaction emits nothing of its own (a half-updated answer is never kept).
  const dataChanged = () => dataVersions.bump(module.name);
  const groups: ConsumerGroup[] = [];
  const eventMetrics = registerEventMetrics(metrics.registry, { relay: () => relay, transport, groups });
  const relay = new OutboxRelay({
    orm: database.orm,
    transport,
    logger,
    onPublished: (count) => {
      eventMetrics.published.inc(count);
      if (count > 0) dataChanged();
    },
    onPublishFailed: () => eventMetrics.publishFailures.inc(),
    relayId: `${module.name}@${hostname()}:${process.pid}`,
    skipLocked: database.kind === 'postgresql',
    topicPrefix: config.topicPrefix,
    ...(overrides.relayPollIntervalMs ? { pollIntervalMs: overrides.relayPollIntervalMs } : {}),
  });
  const redis: SharedRedis | undefined = redisClient
    ? { client: redisClient, guard: new CommandGuard({ logger, backend: 'Redis (rate limits)', fallback: 'counting rate limits in this process', commandTimeoutMs: config.redisCommandTimeoutMs }) }
    : undefined;
  const built = module.createService({ orm: database.orm, cache, logger, clock: overrides.clock ?? (() => new Date()), piiKeyring: config.piiKeys, redis });
  // A job's changes are committed, with their outbox rows, when it returns: send them and say so.
  // After each run the relay looks for rows (cheap, and it catches rows written beside the host);
  // the data version moves only when the run says it changed something.
  const jobs = scheduleJobs(built.jobs ?? [], logger, overrides.scheduleJobs ?? true, (changed) => {
    if (changed) dataChanged();
    relay.nudge();
  });

  const subscriptions: Subscription[] = [];
  for (const spec of built.subscriptions) {
    const consumer = `${config.topicPrefix}${spec.consumer ?? module.name}`;
    const topics = spec.from.map((s) => eventsTopic(s, config.topicPrefix));
    groups.push({ groupId: consumer, topics });
    subscriptions.push(
      await subscribeWithInbox({
        orm: database.orm,
        transport,
        logger,
        consumer,
        topics,
        handlers: spec.handlers,
        onDeadLetter: () => eventMetrics.deadLetters.inc({ consumer }),
        deadLetterTopic: deadLetterTopic(module.name, config.topicPrefix),
        onProcessed: (envelope, outcome) => {
          metrics.eventsConsumed.inc({ type: envelope.type, outcome });
          // A reaction may have written outbox rows of its own: let them leave now.
          if (outcome === 'processed') {
            dataChanged();
            relay.nudge();
          }
        },
      }),
    );
  }
  if (overrides.startRelay ?? true) relay.start();
  const retention = scheduleRetention({ orm: database.orm, relay, logger, retentionDays: config.retentionDays ?? 7 });

  // Ready = can serve = the database answers. The broker and Redis are reported, not required.
  const readiness: Record<string, ReadinessCheck> = { database: () => database.ping() };
  const dependencies: Record<string, ReadinessCheck> = {};
  const reported = (name: string, check: () => Promise<boolean>) => async () => {
    const up = await check().catch(() => false);
    eventMetrics.dependencyUp.set({ dependency: name }, up ? 1 : 0);
    return up;
  };
  if (transport.kind === 'kafka') dependencies['kafka'] = reported('kafka', () => transport.ping());
  if (config.redisUrl) dependencies['redis'] = reported('redis', () => cache.ping());

  let http: RunningHttpServer;
  let metricsServer: RunningMetricsServer | undefined;
  try {
    if (config.metrics) metricsServer = await startMetricsServer(config.metrics.host, config.metrics.port, { [module.name]: metrics.registry });
    http = await startSubgraphServer({
      name: module.name,
      host: config.host,
      port: config.port,
      typeDefs: built.typeDefs,
      resolvers: built.resolvers,
      orm: database.orm,
      logger,
      metrics,
      actorPublicKeys: config.actorPublicKeys,
      cache,
      readiness,
      dependencies,
      restRoutes: built.restRoutes ?? [],
      afterMutation: () => {
        dataChanged();
        relay.nudge();
      },
    });
  } catch (error) {
    retention.stop();
    await jobs.stop();
    await metricsServer?.close();
    await relay.stop(0);
    await Promise.allSettled(subscriptions.map((s) => s.stop()));
    if (ownsTransport) await transport.close();
    ownVersions?.close();
    await cache.close().catch(() => {});
    await database.close();
    throw error;
  }
  logger.info({ url: http.url, database: database.kind, events: transport.kind, cache: cache.kind }, `${module.name} ready`);
  let closing: Promise<void> | undefined;
  const stopServing = () => (closing ??= http.close());

  return {
    name: module.name,
    url: http.url,
    orm: database.orm,
    relay,
    metricsRegistry: metrics.registry,
    metricsUrl: metricsServer?.url,
    startRelay: () => relay.start(),
    runJobs: () => jobs.runAll(),
    stopServing,
    stop: async () => {
      retention.stop();
      await stopServing();
      await jobs.stop();
      await metricsServer?.close();
      await Promise.allSettled(subscriptions.map((s) => s.stop()));
      await relay.stop();
      if (ownsTransport) await transport.close();
      ownVersions?.close();
    await cache.close().catch(() => {});
      await database.close();
      logger.info(`${module.name} stopped`);
    },
  };
}

/**
 * Runs each job every `everyMs` (first run soon after start), never two runs of one job at once in
 * this process; a failed run is logged and the next one tries again.
 */
/**
 * A job that reports it changed nothing (0, false, or counts that are all 0) leaves the data
 * version alone, so public answers stay cached while idle clocks tick; anything else bumps it.
 */
export function changedSomething(result: unknown): boolean {
  if (result === 0 || result === false) return false;
  if (result !== null && typeof result === 'object') {
    const values = Object.values(result as Record<string, unknown>);
    if (values.length > 0 && values.every((v) => v === 0)) return false;
  }
  return true;
}

function scheduleJobs(jobs: ScheduledJob[], logger: Logger, scheduled: boolean, afterRun: (changed: boolean) => void): { runAll(): Promise<void>; stop(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  const runOne = (job: ScheduledJob): Promise<void> => {
    const current = running.get(job.name);
    if (current) return current;
    const run = job
      .run()
      .then(
        (result) => afterRun(changedSomething(result)),
        (error: unknown) => logger.error({ err: error, job: job.name }, 'scheduled job failed; it runs again at its next turn'),
      )
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };
  const timers = scheduled ? jobs.map((job) => setInterval(() => void runOne(job), job.everyMs).unref()) : [];
  const first = scheduled ? jobs.map((job) => setTimeout(() => void runOne(job), 1_000).unref()) : [];
  return {
    runAll: async () => {
      await Promise.all(jobs.map(runOne));
    },
    // No new runs; the one under way finishes before the database closes.
    stop: async () => {
      [...timers, ...first].forEach((t) => clearTimeout(t));
      await Promise.allSettled(running.values());
    },
  };
}
