import { GraphQLError } from 'graphql';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimitExceeded, createRateLimit } from '@edugraph/cache';
import type { SharedRedis } from '@edugraph/cache';
import { sendJsonError } from '@edugraph/platform';
import type { EdgeLimits } from './gateway-config.ts';
import { limitError, operationCost } from './query-limits.ts';
import type { GatewayContext } from './actor-data-source.ts';

/** The context the gateway builds per request: the actor plus the keys its limits charge. */
export interface EdgeContext extends GatewayContext {
  /** Rate-limit key of the caller: the person, the city system, or the IP address of the public. */
  callerKey: string;
  ipKey: string;
  /** The subgraphs' data versions this request's cached answer is keyed by (public queries only). */
  dataVersions?: string[] | undefined;
}

function tooMany(what: string, error: RateLimitExceeded): GraphQLError {
  const seconds = Math.ceil(error.retryAfterMs / 1000);
  return new GraphQLError(`Too many requests: ${what}. Retry in ${seconds} s.`, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });
}

async function charge(limit: { consume(key: string, points?: number): Promise<number> }, key: string, points: number, what: string): Promise<void> {
  if (points <= 0) return;
  try {
    await limit.consume(key, points);
  } catch (error) {
    if (error instanceof RateLimitExceeded) throw tooMany(what, error);
    throw error;
  }
}

/** What one REST call costs against an address's budget: about a page of 50 institutions' names. */
export const REST_CALL_COST = 500;

/**
 * Rate limits charge query cost, not requests: a CityQuestion of 50 institutions spends what it
 * reads. Each IP address has a budget from before authentication (one point on arrival, so a flood
 * of bad tokens is stopped too, the rest once the cost is known), and each caller has one of its
 * own after. With Redis the counts are shared by every gateway replica; without, kept in memory,
 * as they are while Redis is down or hung (each command is bounded by the guard's timeout).
 */
export function createEdgeLimits(limits: EdgeLimits, redis?: SharedRedis) {
  const backend = redis ? { redis } : {};
  const perIp = createRateLimit({ points: limits.ipCostPerMinute, durationSeconds: 60, keyPrefix: 'gateway-ip-cost', ...backend });
  const perCaller = createRateLimit({ points: limits.costPerMinute, durationSeconds: 60, keyPrefix: 'gateway-caller-cost', ...backend });
  const registrations = createRateLimit({ points: limits.persistedQueryRegistrationsPerMinute, durationSeconds: 60, keyPrefix: 'gateway-apq', ...backend });

  return {
    /** Express middleware, before the body is parsed or the caller authenticated. */
    arrival: async (req: Request, res: Response, next: NextFunction) => {
      try {
        await charge(perIp, `ip:${req.ip}`, 1, 'this address has spent its query budget for the minute');
        next();
      } catch (error) {
        if (!(error instanceof GraphQLError)) return next(error);
        const headers = error.extensions['http'] as { headers: Map<string, string> };
        res.setHeader('retry-after', headers.headers.get('retry-after')!);
        sendJsonError(res, 429, 'RATE_LIMITED', error.message);
      }
    },

    /**
     * A REST call (open data, Open311) has no query to cost: it is charged as a query reading
     * REST_CALL_COST fields, to the address before authentication, like every GraphQL arrival.
     */
    restCall: async (req: Request, res: Response, next: NextFunction) => {
      try {
        await charge(perIp, `ip:${req.ip}`, REST_CALL_COST, 'this address has spent its query budget for the minute');
        next();
      } catch (error) {
        if (!(error instanceof GraphQLError)) return next(error);
        const headers = error.extensions['http'] as { headers: Map<string, string> };
        res.setHeader('retry-after', headers.headers.get('retry-after')!);
        sendJsonError(res, 429, 'RATE_LIMITED', error.message);
      }
    },

    /** Express middleware after the body is parsed: the query text is bounded before any parsing. */
    queryLength: (req: Request, res: Response, next: NextFunction) => {
      const query = (req.body as { query?: unknown } | undefined)?.query;
      if (typeof query === 'string' && query.length > limits.maxQueryLength) {
        return sendJsonError(res, 413, 'QUERY_TOO_LONG', `The query is ${query.length} characters long; the limit is ${limits.maxQueryLength}.`);
      }
      next();
    },

    /** A new automatic persisted query (query text and hash together) costs a registration. */
    async persistedQueryRegistration(body: unknown, callerKey: string): Promise<void> {
      const b = body as { query?: unknown; extensions?: { persistedQuery?: unknown } } | undefined;
      if (typeof b?.query === 'string' && b.extensions?.persistedQuery) {
        await charge(registrations, callerKey, 1, 'too many new persisted queries this minute');
      }
    },

    /** Measures each operation with its variables, refuses it over the limit, and charges it. */
    costPlugin: (): ApolloServerPlugin<EdgeContext> => ({
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, document, schema, request, contextValue }) {
            if (!operation) return; // refused by the operation-choice check
            const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
            const cost = operationCost({ schema, operation, fragments, variables: request.variables, defaultListSize: limits.defaultListSize });
            if (cost > limits.maxCost) {
              throw limitError('QUERY_TOO_COSTLY', `Query would read about ${cost} fields; the limit is ${limits.maxCost}. Ask for fewer fields or smaller pages.`);
            }
            await charge(perCaller, contextValue.callerKey, cost, 'your query budget for the minute is spent');
            await charge(perIp, contextValue.ipKey, cost - 1, 'this address has spent its query budget for the minute');
          },
        };
      },
    }),
  };
}
