import { z } from 'zod';
import { ROLES } from '@edugraph/auth';
import type { Role } from '@edugraph/auth';
import { SERVICES } from '@edugraph/contracts';
import type { ServiceName } from '@edugraph/contracts';
import { ConfigError, DEFAULT_PORTS, metricsPortFor } from '@edugraph/platform';

export const SUBGRAPH_NAMES = SERVICES;

/** The variable naming where a subgraph is: `ENROLLMENT_URL`, …, one per service. */
export const subgraphUrlKey = (name: ServiceName) => `${name.toUpperCase()}_URL` as `${Uppercase<ServiceName>}_URL`;
const subgraphUrlsSchema = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphUrlKey(name), z.url().optional()])) as Record<
  ReturnType<typeof subgraphUrlKey>,
  z.ZodOptional<z.ZodURL>
>;

export interface ApiKey {
  name: string;
  key: string;
  roles: Role[];
  /** `<permission>@<object id>` this key may do beyond its roles, e.g. `catalogue:sync@<school id>`. */
  scopes?: string[];
}

export interface EdgeLimits {
  maxDepth: number;
  /** Fields read, with page sizes (literal or variable) and default list sizes multiplied in. */
  maxCost: number;
  /** Size assumed for a list field that takes no `first`. */
  defaultListSize: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Characters of the query text. */
  maxQueryLength: number;
  /** Query cost a caller may spend per minute; the anonymous public is counted per IP address. */
  costPerMinute: number;
  /** Query cost one IP address may spend per minute, counted from before authentication. */
  ipCostPerMinute: number;
  /** New automatic persisted queries a caller may register per minute. */
  persistedQueryRegistrationsPerMinute: number;
  /** Characters of query text the persisted-query cache may hold (least recently used go first). */
  persistedQueryCacheSize: number;
}

export interface GatewayConfig {
  host: string;
  port: number;
  /** Where `/metrics` is served, apart from the public port; null: not served by the gateway itself. */
  metrics: { host: string; port: number } | null;
  /** The Ed25519 private JWK only the gateway holds: it signs the actor token for each subgraph call. */
  actorPrivateKey: string;
  jwtSecret: string;
  /** People's tokens must name this audience. */
  jwtAudience: string;
  apiKeys: ApiKey[];
  /** The base URL the public reaches the gateway at (links in open data and Open311); unset: as each caller asked. */
  publicUrl?: string | undefined;
  redisUrl: string | undefined;
  /** Longest wait for one Redis command before the rate limits count in memory (default 500 ms). */
  redisCommandTimeoutMs?: number | undefined;
  /** Subgraph URLs by name; the supergraph's own URLs are the embedded defaults. */
  subgraphUrls: Record<string, string>;
  limits: EdgeLimits;
  /** Anonymous answers cached in memory, keyed by the subgraphs' data versions; 0 MiB: none. */
  responseCache: { maxMiB: number; ttlSeconds: number };
  /** Prefix of the shared Redis keys (the deployment's EDUGRAPH_TOPIC_PREFIX), where the data versions are. */
  keyPrefix: string;
  /** A subgraph call that has not answered in this time fails; that subgraph's fields are null. */
  subgraphTimeoutMs: number;
  /** Schema introspection at the public endpoint: off in production unless configured. */
  introspection: boolean;
  /**
   * Express `trust proxy`: which hops may set X-Forwarded-For (the client address rate limits use):
   * false (nobody: the socket's address counts), a hop count, or addresses/subnets/`loopback`.
   */
  trustProxy: boolean | number | string;
  logLevel: string;
}

const edgeLimitsSchema = z.object({
  GATEWAY_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  GATEWAY_MAX_COST: z.coerce.number().int().positive().default(10_000),
  GATEWAY_DEFAULT_LIST_SIZE: z.coerce.number().int().positive().default(10),
  GATEWAY_MAX_ALIASES: z.coerce.number().int().positive().default(30),
  GATEWAY_MAX_DIRECTIVES: z.coerce.number().int().positive().default(20),
  GATEWAY_MAX_TOKENS: z.coerce.number().int().positive().default(2000),
  GATEWAY_MAX_QUERY_LENGTH: z.coerce.number().int().positive().default(20_000),
  GATEWAY_COST_PER_MINUTE: z.coerce.number().int().positive().default(200_000),
  GATEWAY_IP_COST_PER_MINUTE: z.coerce.number().int().positive().default(600_000),
  GATEWAY_PERSISTED_QUERY_REGISTRATIONS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  GATEWAY_PERSISTED_QUERY_CACHE_SIZE: z.coerce.number().int().positive().default(8 * 1024 * 1024),
});

function toLimits(c: z.infer<typeof edgeLimitsSchema>): EdgeLimits {
  return {
    maxDepth: c.GATEWAY_MAX_DEPTH,
    maxCost: c.GATEWAY_MAX_COST,
    defaultListSize: c.GATEWAY_DEFAULT_LIST_SIZE,
    maxAliases: c.GATEWAY_MAX_ALIASES,
    maxDirectives: c.GATEWAY_MAX_DIRECTIVES,
    maxTokens: c.GATEWAY_MAX_TOKENS,
    maxQueryLength: c.GATEWAY_MAX_QUERY_LENGTH,
    costPerMinute: c.GATEWAY_COST_PER_MINUTE,
    ipCostPerMinute: c.GATEWAY_IP_COST_PER_MINUTE,
    persistedQueryRegistrationsPerMinute: c.GATEWAY_PERSISTED_QUERY_REGISTRATIONS_PER_MINUTE,
    persistedQueryCacheSize: c.GATEWAY_PERSISTED_QUERY_CACHE_SIZE,
  };
}

/** The embedded default's limits: the production defaults, with rate budgets for one machine's demos and tests. */
export const embeddedGatewayLimits: EdgeLimits = { ...toLimits(edgeLimitsSchema.parse({})), costPerMinute: 5_000_000, ipCostPerMinute: 10_000_000 };

export const gatewayConfigSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_PORTS.gateway),
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  EDUGRAPH_ACTOR_PRIVATE_KEY: z.string().min(1, 'EDUGRAPH_ACTOR_PRIVATE_KEY is the gateway’s Ed25519 private JWK (npm run keys:actor)'),
  EDUGRAPH_JWT_SECRET: z.string().min(32, 'EDUGRAPH_JWT_SECRET must be at least 32 characters'),
  EDUGRAPH_JWT_AUDIENCE: z.string().min(1).default('edugraph'),
  NODE_ENV: z.string().optional(),
  GATEWAY_INTROSPECTION: z.enum(['true', 'false']).optional(),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  EDUGRAPH_API_KEYS: z.string().default(''),
  EDUGRAPH_PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  REDIS_URL: z.string().regex(/^rediss?:\/\//).optional(),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).optional(),
  EDUGRAPH_TOPIC_PREFIX: z.string().default(''),
  GATEWAY_RESPONSE_CACHE_MIB: z.coerce.number().int().min(0).max(4096).default(32),
  GATEWAY_RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  ...subgraphUrlsSchema,
  GATEWAY_TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v) => (v === 'false' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v)),
  ...edgeLimitsSchema.shape,
  LOG_LEVEL: z.string().default('info'),
});

/**
 * `name:key:ROLE+ROLE[:SCOPE+SCOPE],name2:key2:ROLE` — one entry per city system, school system or
 * third party; a scope is `<permission>@<object id>`, e.g. `catalogue:sync@<school id>` (everything
 * after the roles is the scope list, so the permission's own colon needs no escaping).
 */
export function parseApiKeys(raw: string): ApiKey[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, key, roles = 'CITY_SYSTEM', ...rest] = entry.split(':');
      if (!name || !key || key.length < 24) throw new ConfigError(`EDUGRAPH_API_KEYS: entry "${name ?? ''}" needs name:key:ROLES with a key of at least 24 characters`);
      const parsed = roles.split('+');
      const unknown = parsed.filter((r) => !ROLES.includes(r as Role));
      if (unknown.length) throw new ConfigError(`EDUGRAPH_API_KEYS: unknown roles ${unknown.join(', ')} for ${name}`);
      const scopes = rest.join(':').split('+').map((scope) => scope.trim()).filter(Boolean);
      const malformed = scopes.filter((scope) => !/^[a-z]+:[a-z]+@[0-9A-Za-z-]+$/.test(scope));
      if (scopes.length > 100) throw new ConfigError(`EDUGRAPH_API_KEYS: ${name} has ${scopes.length} scopes; a key may hold at most 100 (give a city system several keys)`);
      if (malformed.length) throw new ConfigError(`EDUGRAPH_API_KEYS: scopes must look like catalogue:sync@<id> (got ${malformed.join(', ')} for ${name})`);
      return { name, key, roles: parsed as Role[], ...(scopes.length ? { scopes } : {}) };
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
    subgraphUrls[name] = c[subgraphUrlKey(name)] ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
  }
  return {
    host: c.HOST,
    port: c.PORT,
    metrics: { host: c.METRICS_HOST, port: metricsPortFor(c.PORT, c.METRICS_PORT, 'gateway') },
    actorPrivateKey: c.EDUGRAPH_ACTOR_PRIVATE_KEY,
    jwtSecret: c.EDUGRAPH_JWT_SECRET,
    jwtAudience: c.EDUGRAPH_JWT_AUDIENCE,
    apiKeys: parseApiKeys(c.EDUGRAPH_API_KEYS),
    publicUrl: c.EDUGRAPH_PUBLIC_URL?.replace(/\/+$/, ''),
    redisUrl: c.REDIS_URL,
    redisCommandTimeoutMs: c.REDIS_COMMAND_TIMEOUT_MS,
    subgraphUrls,
    trustProxy: c.GATEWAY_TRUST_PROXY,
    limits: toLimits(c),
    responseCache: { maxMiB: c.GATEWAY_RESPONSE_CACHE_MIB, ttlSeconds: c.GATEWAY_RESPONSE_CACHE_TTL_SECONDS },
    keyPrefix: c.EDUGRAPH_TOPIC_PREFIX,
    subgraphTimeoutMs: c.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    introspection: c.GATEWAY_INTROSPECTION ? c.GATEWAY_INTROSPECTION === 'true' : c.NODE_ENV !== 'production',
    logLevel: c.LOG_LEVEL,
  };
}
