import { z } from 'zod';
import { ROLES } from '@edugraph/auth';
import type { Role } from '@edugraph/auth';
import { ConfigError, DEFAULT_PORTS } from '@edugraph/platform';

export const SUBGRAPH_NAMES = ['enrollment', 'preschool', 'licensing', 'vocational', 'feedback'] as const;

export interface ApiKey {
  name: string;
  key: string;
  roles: Role[];
}

export interface GatewayConfig {
  host: string;
  port: number;
  actorSecret: string;
  jwtSecret: string;
  apiKeys: ApiKey[];
  redisUrl: string | undefined;
  /** Subgraph URLs by name; the supergraph's own URLs are the embedded defaults. */
  subgraphUrls: Record<string, string>;
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxTokens: number; requestsPerMinute: number };
  /** Express `trust proxy`: which hops may set X-Forwarded-For (the client address rate limits use). */
  trustProxy: string;
  logLevel: string;
}

export const gatewayConfigSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_PORTS.gateway),
  EDUGRAPH_ACTOR_SECRET: z.string().min(16, 'EDUGRAPH_ACTOR_SECRET must be at least 16 characters'),
  EDUGRAPH_JWT_SECRET: z.string().min(32, 'EDUGRAPH_JWT_SECRET must be at least 32 characters'),
  EDUGRAPH_API_KEYS: z.string().default(''),
  REDIS_URL: z.string().regex(/^rediss?:\/\//).optional(),
  ENROLLMENT_URL: z.url().optional(),
  PRESCHOOL_URL: z.url().optional(),
  LICENSING_URL: z.url().optional(),
  VOCATIONAL_URL: z.url().optional(),
  FEEDBACK_URL: z.url().optional(),
  GATEWAY_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  GATEWAY_MAX_COST: z.coerce.number().int().positive().default(20_000),
  GATEWAY_TRUST_PROXY: z.string().default('loopback'),
  GATEWAY_MAX_ALIASES: z.coerce.number().int().positive().default(30),
  GATEWAY_MAX_TOKENS: z.coerce.number().int().positive().default(2000),
  GATEWAY_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  LOG_LEVEL: z.string().default('info'),
});

/** `name:key:ROLE+ROLE,name2:key2:ROLE` — one entry per city system or third party. */
export function parseApiKeys(raw: string): ApiKey[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, key, roles = 'CITY_SYSTEM'] = entry.split(':');
      if (!name || !key || key.length < 24) throw new ConfigError(`EDUGRAPH_API_KEYS: entry "${name ?? ''}" needs name:key:ROLES with a key of at least 24 characters`);
      const parsed = roles.split('+');
      const unknown = parsed.filter((r) => !ROLES.includes(r as Role));
      if (unknown.length) throw new ConfigError(`EDUGRAPH_API_KEYS: unknown roles ${unknown.join(', ')} for ${name}`);
      return { name, key, roles: parsed as Role[] };
    });
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = gatewayConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`gateway: invalid configuration (see .env.example)\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const c = parsed.data;
  const subgraphUrls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    subgraphUrls[name] = c[`${name.toUpperCase()}_URL` as 'ENROLLMENT_URL'] ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
  }
  return {
    host: c.HOST,
    port: c.PORT,
    actorSecret: c.EDUGRAPH_ACTOR_SECRET,
    jwtSecret: c.EDUGRAPH_JWT_SECRET,
    apiKeys: parseApiKeys(c.EDUGRAPH_API_KEYS),
    redisUrl: c.REDIS_URL,
    subgraphUrls,
    trustProxy: c.GATEWAY_TRUST_PROXY,
    limits: { maxDepth: c.GATEWAY_MAX_DEPTH, maxCost: c.GATEWAY_MAX_COST, maxAliases: c.GATEWAY_MAX_ALIASES, maxTokens: c.GATEWAY_MAX_TOKENS, requestsPerMinute: c.GATEWAY_REQUESTS_PER_MINUTE },
    logLevel: c.LOG_LEVEL,
  };
}
