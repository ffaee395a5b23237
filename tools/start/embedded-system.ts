import type { Logger } from 'pino';
import { InProcessTransport } from '@edugraph/events';
import { MemoryDataVersions } from '@edugraph/cache';
import type { DataVersions } from '@edugraph/cache';
import { generateActorKeyPair, generatePiiKeyring, loadOrCreateDevPiiKeyring } from '@edugraph/auth';
import type { ActorKeyPair } from '@edugraph/auth';
import { DEFAULT_PORTS, METRICS_PORT_OFFSET, createLogger, startMetricsServer, startService } from '@edugraph/platform';
import type { RunningMetricsServer } from '@edugraph/platform';
import type { RunningService, ServiceModule } from '@edugraph/platform';
import { SUBGRAPH_NAMES, embeddedGatewayLimits, startGateway } from '@edugraph/gateway';
import type { ApiKey, EdgeLimits, RunningGateway } from '@edugraph/gateway';
import { SERVICE_MODULES } from './service-modules.ts';

export { SERVICE_MODULES };

export interface EmbeddedOptions {
  /** Folder of the SQLite files; `:memory:` keeps everything in memory (tests). */
  dataDir: string;
  host?: string;
  /** 0 picks free ports (tests); otherwise the default ports 4000–4005 from gatewayPort up. */
  gatewayPort?: number;
  jwtSecret: string;
  /** The actor-token key pair (default: a new one for this run). */
  actorKeys?: ActorKeyPair;
  /** Introspection at the gateway (default on: the embedded default is for trying things out). */
  introspection?: boolean;
  /** false: leave every outbox unpublished (a test of what a restart delivers). Default true. */
  startRelays?: boolean;
  /** Port of the one metrics server (default: gateway port + 5000; 0 picks a free one). */
  metricsPort?: number;
  /** Subgraph call timeout at the gateway (default 5 s). */
  subgraphTimeoutMs?: number;
  /**
   * API keys of city and school systems. The gateway reads this very array on each request, so a
   * key pushed after start (a demo school's, once its id is known) works from then on.
   */
  apiKeys?: ApiKey[];
  /** The keyring for personal data at rest (default: `<dataDir>/pii-keys.json`, made on first start). */
  piiKeys?: string;
  /** Memory for cached public answers at the gateway (default 32 MiB; 0: none). */
  responseCacheMiB?: number;
  /** The gateway's limits (default: the embedded default's). */
  gatewayLimits?: EdgeLimits;
  /** The services to run (default: all five as they are; benchmarks wrap them to count statements). */
  modules?: ServiceModule[];
  logger?: Logger;
}

export interface EmbeddedSystem {
  gatewayUrl: string;
  services: RunningService[];
  gateway: RunningGateway;
  transport: InProcessTransport;
  /** The data versions the services bump and the gateway's response cache reads. */
  dataVersions: DataVersions;
  /** The keyring the services seal personal data with. */
  piiKeys: string;
  /** One metrics server for the whole process: `/metrics/<service>` and `/metrics/gateway`. */
  metricsUrl: string;
  stop(): Promise<void>;
}

/**
 * The embedded default: five services and the gateway in one process, each service on its own
 * SQLite file, events on the in-process bus behind the same outbox and inbox, cache in memory.
 */
export async function startEmbeddedSystem(o: EmbeddedOptions): Promise<EmbeddedSystem> {
  const host = o.host ?? '127.0.0.1';
  // A key pair for this run only: the gateway signs with the private half, services verify with the public.
  const actorKeys = o.actorKeys ?? (await generateActorKeyPair(`embedded-${Date.now()}`));
  const logger = o.logger ?? createLogger('edugraph');
  const transport = new InProcessTransport();
  // Personal data keys: a development keyring kept beside the data (a fresh one for in-memory runs).
  const piiKeys = o.piiKeys ?? (o.dataDir === ':memory:' ? generatePiiKeyring('embedded') : loadOrCreateDevPiiKeyring(`${o.dataDir}/pii-keys.json`));
  // The services bump, the gateway's response cache reads: one map in this process.
  const dataVersions = new MemoryDataVersions();
  const services: RunningService[] = [];
  let gateway: RunningGateway | undefined;
  try {
    for (const module of o.modules ?? SERVICE_MODULES) {
      const port = o.gatewayPort === 0 ? 0 : DEFAULT_PORTS[module.name] + (o.gatewayPort ?? DEFAULT_PORTS.gateway) - DEFAULT_PORTS.gateway;
      services.push(
        await startService(
          module,
          {
            host,
            port,
            databaseUrl: o.dataDir === ':memory:' ? 'sqlite::memory:' : `sqlite:${o.dataDir}/${module.name}.sqlite`,
            kafkaBrokers: undefined,
            redisUrl: undefined,
            actorPublicKeys: JSON.stringify({ keys: [actorKeys.publicJwk] }),
            metrics: null,
            topicPrefix: '',
            piiKeys,
            logLevel: logger.level,
          },
          { transport, dataVersions, logger: logger.child({ service: module.name }), collectDefaultMetrics: false, startRelay: false },
        ),
      );
    }
    // Every consumer listens now: only from here may events go out on the in-process bus.
    if (o.startRelays ?? true) for (const s of services) s.startRelay();
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, services.find((s) => s.name === name)!.url]));
    gateway = await startGateway(
      {
        host,
        port: o.gatewayPort ?? DEFAULT_PORTS.gateway,
        metrics: null,
        actorPrivateKey: JSON.stringify(actorKeys.privateJwk),
        jwtSecret: o.jwtSecret,
        jwtAudience: 'edugraph',
        apiKeys: o.apiKeys ?? [],
        redisUrl: undefined,
        keyPrefix: '',
        responseCache: { maxMiB: o.responseCacheMiB ?? 32, ttlSeconds: 300 },
        subgraphUrls,
        trustProxy: 'loopback',
        limits: o.gatewayLimits ?? embeddedGatewayLimits,
        subgraphTimeoutMs: o.subgraphTimeoutMs ?? 5_000,
        introspection: o.introspection ?? true,
        logLevel: logger.level,
      },
      logger.child({ service: 'gateway' }),
      { dataVersions },
    );
    const metricsPort = o.metricsPort ?? (o.gatewayPort === 0 ? 0 : (o.gatewayPort ?? DEFAULT_PORTS.gateway) + METRICS_PORT_OFFSET);
    const registries = Object.fromEntries([...services.map((s) => [s.name, s.metricsRegistry] as const), ['gateway', gateway.metricsRegistry] as const]);
    const metricsServer: RunningMetricsServer = await startMetricsServer(host, metricsPort, registries);
    const running = gateway;
    return {
      gatewayUrl: running.url,
      services,
      gateway: running,
      transport,
      dataVersions,
      piiKeys,
      metricsUrl: metricsServer.url,
      stop: async () => {
        await running.stop();
        await metricsServer.close();
        await Promise.all(services.map((s) => s.stopServing()));
        // Every consumer is in this process: publish what is left in every outbox while they all
        // still listen (their reactions may write new outbox rows, hence the passes), then stop.
        for (let pass = 0; pass < 10; pass++) {
          let published = 0;
          for (const s of services) published += await s.relay.runOnce().catch(() => 0);
          if (published === 0) break;
        }
        for (const s of [...services].reverse()) await s.stop();
        await transport.close();
      },
    };
  } catch (error) {
    await gateway?.stop().catch(() => {});
    for (const s of services.reverse()) await s.stop().catch(() => {});
    throw error;
  }
}
