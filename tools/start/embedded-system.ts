import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { InProcessTransport } from '@edugraph/events';
import { DEFAULT_PORTS, createLogger, startService } from '@edugraph/platform';
import type { RunningService, ServiceModule } from '@edugraph/platform';
import { enrollmentService } from '@edugraph/enrollment';
import { preschoolService } from '@edugraph/preschool';
import { licensingService } from '@edugraph/licensing';
import { vocationalService } from '@edugraph/vocational';
import { feedbackService } from '@edugraph/feedback';
import { SUBGRAPH_NAMES, startGateway } from '@edugraph/gateway';
import type { RunningGateway } from '@edugraph/gateway';

export const SERVICE_MODULES: ServiceModule[] = [enrollmentService, preschoolService, licensingService, vocationalService, feedbackService];

export interface EmbeddedOptions {
  /** Folder of the SQLite files; `:memory:` keeps everything in memory (tests). */
  dataDir: string;
  host?: string;
  /** 0 picks free ports (tests); otherwise the default ports 4000–4005 from gatewayPort up. */
  gatewayPort?: number;
  actorSecret?: string;
  jwtSecret: string;
  apiKeys?: string;
  logger?: Logger;
}

export interface EmbeddedSystem {
  gatewayUrl: string;
  services: RunningService[];
  gateway: RunningGateway;
  transport: InProcessTransport;
  stop(): Promise<void>;
}

/**
 * The embedded default: five services and the gateway in one process, each service on its own
 * SQLite file, events on the in-process bus behind the same outbox and inbox, cache in memory.
 */
export async function startEmbeddedSystem(o: EmbeddedOptions): Promise<EmbeddedSystem> {
  const host = o.host ?? '127.0.0.1';
  const actorSecret = o.actorSecret ?? randomBytes(32).toString('hex');
  const logger = o.logger ?? createLogger('edugraph');
  const transport = new InProcessTransport({
    onError: (error, message) => logger.error({ err: error, topic: message.topic }, 'in-process delivery gave up'),
  });
  const services: RunningService[] = [];
  try {
    for (const module of SERVICE_MODULES) {
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
            actorSecret,
                        topicPrefix: '',
            logLevel: logger.level,
          },
          { transport, logger: logger.child({ service: module.name }), collectDefaultMetrics: false },
        ),
      );
    }
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, services.find((s) => s.name === name)!.url]));
    const gateway = await startGateway(
      {
        host,
        port: o.gatewayPort ?? DEFAULT_PORTS.gateway,
        actorSecret,
        jwtSecret: o.jwtSecret,
        apiKeys: [],
        redisUrl: undefined,
        subgraphUrls,
        trustProxy: 'loopback',
        limits: { maxDepth: 10, maxCost: 20_000, maxAliases: 30, maxTokens: 2000, requestsPerMinute: 6000 },
        logLevel: logger.level,
      },
      logger.child({ service: 'gateway' }),
    );
    return {
      gatewayUrl: gateway.url,
      services,
      gateway,
      transport,
      stop: async () => {
        await gateway.stop();
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
    for (const s of services.reverse()) await s.stop().catch(() => {});
    throw error;
  }
}
