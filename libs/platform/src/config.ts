import { z } from 'zod';
import { SERVICES } from '@edugraph/contracts';
import type { ServiceName } from '@edugraph/contracts';
import { ActorKeyError, parsePiiKeyring, parsePublicKeys } from '@edugraph/auth';

/** The gateway on 4000, then the services in the order of SERVICES: enrollment 4001 … feedback 4005. */
export const DEFAULT_PORTS = {
  gateway: 4000,
  ...Object.fromEntries(SERVICES.map((name, i) => [name, 4001 + i])),
} as Record<ServiceName | 'gateway', number>;

/** Metrics are served on their own port, never on the public one: by default the service port + 5000. */
export const METRICS_PORT_OFFSET = 5000;

/** METRICS_PORT, or the public port + 5000 when that is a port at all. */
export function metricsPortFor(port: number, metricsPort: number | undefined, who: string): number {
  if (metricsPort !== undefined) return metricsPort;
  if (port + METRICS_PORT_OFFSET > 65535) throw new ConfigError(`${who}: PORT ${port} leaves no default metrics port (PORT + ${METRICS_PORT_OFFSET}); set METRICS_PORT`);
  return port + METRICS_PORT_OFFSET;
}

const brokers = z
  .string()
  .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker is host:port')).min(1));

/** The gateway's actor-token public keys (JWKS JSON): subgraphs verify with them, never sign. */
export const actorPublicKeys = z.string().superRefine((raw, ctx) => {
  try {
    parsePublicKeys(raw);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof ActorKeyError ? error.message : 'not a JWKS' });
  }
});

const piiKeys = z.string().superRefine((raw, ctx) => {
  try {
    parsePiiKeyring(raw);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'not a PII keyring' });
  }
});

/** One validated config object per service process, from the environment; it fails fast. */
export const serviceConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535),
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DATABASE_URL: z.string().min(1),
  KAFKA_BROKERS: brokers,
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).optional(),
  EDUGRAPH_ACTOR_PUBLIC_KEYS: actorPublicKeys,
  EDUGRAPH_TOPIC_PREFIX: z.string().default(''),
  EDUGRAPH_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(7),
  EDUGRAPH_PII_KEYS: piiKeys.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServiceConfig {
  host: string;
  port: number;
  databaseUrl: string;
  /** Absent: events travel on the in-process bus (embedded default only). */
  kafkaBrokers: string[] | undefined;
  /** Replicas of each topic this service creates (1 for a single broker; 3 in production). */
  kafkaReplicationFactor?: number;
  /** Absent: cache and limits in memory (embedded default only). */
  redisUrl: string | undefined;
  /** Longest wait for one Redis command before the cache answers from the database (default 500 ms). */
  redisCommandTimeoutMs?: number | undefined;
  /** The gateway's public keys (JWKS JSON): subgraphs refuse every request without a token they verify. */
  actorPublicKeys: string;
  /** Where `/metrics` is served (apart from the public port); null: not served by this service. */
  metrics: { host: string; port: number } | null;
  topicPrefix: string;
  /** Days published outbox rows and processed inbox rows are kept (default 7, Kafka's default retention). */
  retentionDays?: number;
  /** Keys for personal data at rest (JSON keyring, see .env.example); services holding children's data need it. */
  piiKeys?: string | undefined;
  logLevel: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads a standalone service's config (real infrastructure): every variable must be valid. */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = serviceConfigSchema.safeParse({ PORT: DEFAULT_PORTS[service], ...env });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`${service}: invalid configuration (see .env.example)\n${problems}`);
  }
  const c = parsed.data;
  return {
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    kafkaBrokers: c.KAFKA_BROKERS,
    kafkaReplicationFactor: c.KAFKA_TOPIC_REPLICATION_FACTOR,
    redisUrl: c.REDIS_URL,
    redisCommandTimeoutMs: c.REDIS_COMMAND_TIMEOUT_MS,
    actorPublicKeys: c.EDUGRAPH_ACTOR_PUBLIC_KEYS,
    metrics: { host: c.METRICS_HOST, port: metricsPortFor(c.PORT, c.METRICS_PORT, service) },
    topicPrefix: c.EDUGRAPH_TOPIC_PREFIX,
    retentionDays: c.EDUGRAPH_RETENTION_DAYS,
    piiKeys: c.EDUGRAPH_PII_KEYS,
    logLevel: c.LOG_LEVEL,
  };
}
