import { z } from 'zod';
import type { ServiceName } from '@edugraph/contracts';

export const DEFAULT_PORTS: Record<ServiceName | 'gateway', number> = {
  gateway: 4000,
  enrollment: 4001,
  preschool: 4002,
  licensing: 4003,
  vocational: 4004,
  feedback: 4005,
};

const brokers = z
  .string()
  .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker is host:port')).min(1));

/** One validated config object per service process, from the environment; it fails fast. */
export const serviceConfigSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535),
  DATABASE_URL: z.string().min(1),
  KAFKA_BROKERS: brokers,
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://'),
  EDUGRAPH_ACTOR_SECRET: z.string().min(16, 'EDUGRAPH_ACTOR_SECRET must be at least 16 characters'),
  EDUGRAPH_TOPIC_PREFIX: z.string().default(''),
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
  /** Subgraphs refuse every request without a valid gateway signature made with it. */
  actorSecret: string;
  topicPrefix: string;
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
    actorSecret: c.EDUGRAPH_ACTOR_SECRET,
    topicPrefix: c.EDUGRAPH_TOPIC_PREFIX,
    logLevel: c.LOG_LEVEL,
  };
}
