import express from 'express';
import type { Logger } from 'pino';
import { ACTOR_TOKEN_HEADER } from '@edugraph/auth';
import type { ActorSigner } from '@edugraph/auth';
import { PUBLIC_BASE_HEADER, REST_PREFIXES, sendJsonError } from '@edugraph/platform';
import { authenticate } from './authenticate.ts';
import type { Credentials } from './authenticate.ts';

/**
 * Serves each REST prefix (open data, Open311) by calling the subgraph that owns it with the same
 * method, path, query and body (subgraphs are not public). The caller is authenticated here as
 * for GraphQL, and the subgraph gets a signed actor token over the exact body, as GraphQL calls do.
 */
export function mountRestProxy(
  app: express.Express,
  o: {
    subgraphUrls: Record<string, string>;
    signer: ActorSigner;
    credentials: Credentials;
    logger: Logger;
    timeoutMs: number;
    charge: express.RequestHandler;
    /** The public base URL links in answers use; unset: the scheme and Host the caller used. */
    publicUrl?: string | undefined;
  },
): void {
  const raw = express.raw({ type: () => true, limit: '1mb' });
  for (const [prefix, subgraph] of Object.entries(REST_PREFIXES)) {
    const base = o.subgraphUrls[subgraph]?.replace(/\/graphql$/, '');
    if (!base) continue;
    app.use(prefix, o.charge, raw, async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'POST') return sendJsonError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not served here; use GET or POST.`);
      const path = upstreamPath(prefix, req.originalUrl);
      if (path === null) return sendJsonError(res, 404, 'NOT_FOUND', 'Nothing here.');
      const auth = await authenticate({ authorization: req.header('authorization'), apiKey: req.header('x-api-key') ?? apiKeyParameter(req) }, o.credentials);
      if (!auth.ok) return sendJsonError(res, 401, 'UNAUTHENTICATED', auth.message);
      const body = req.method === 'POST' && Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        const headers: Record<string, string> = {
          [ACTOR_TOKEN_HEADER]: await o.signer.sign(auth.actor, subgraph, body),
          [PUBLIC_BASE_HEADER]: o.publicUrl ?? `${req.protocol}://${req.host}`,
          'x-request-id': String(res.getHeader('x-request-id') ?? ''),
        };
        if (req.header('content-type')) headers['content-type'] = req.header('content-type')!;
        const answer = await fetch(`${base}${path}`, {
          method: req.method,
          headers,
          ...(req.method === 'POST' ? { body } : {}),
          signal: AbortSignal.timeout(o.timeoutMs),
        });
        res.status(answer.status).type(answer.headers.get('content-type') ?? 'application/json').send(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        o.logger.warn({ err: error, path: req.path, subgraph }, 'rest proxy: the subgraph did not answer');
        sendJsonError(res, 502, 'SUBGRAPH_UNAVAILABLE', `The ${subgraph} service cannot answer right now; try again shortly.`);
      }
    });
  }
}

/** Characters a REST path may hold, segment by segment: nothing that could climb out of its prefix. */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const SAFE_QUERY = /^[A-Za-z0-9._~%&=+,:@-]*$/;

/**
 * The path to ask the subgraph for: the prefix and plain segments only. Dot segments, encoded
 * characters in the path, backslashes and empty segments are refused (null), so a caller can never
 * reach another path of the subgraph (its GraphQL endpoint, say) with a token signed for this one.
 */
export function upstreamPath(prefix: string, originalUrl: string): string | null {
  const [pathPart = '', query] = originalUrl.split(/\?(.*)/s, 2);
  if (!pathPart.startsWith(prefix)) return null;
  const segments = pathPart.slice(prefix.length).split('/');
  if (segments.some((segment) => !SAFE_SEGMENT.test(segment))) return null;
  if (query !== undefined && !SAFE_QUERY.test(query)) return null;
  return `${pathPart}${query ? `?${query}` : ''}`;
}

/** Open311 clients send their key as the `api_key` parameter (query or form body). */
function apiKeyParameter(req: express.Request): string | undefined {
  const fromQuery = req.query['api_key'];
  if (typeof fromQuery === 'string') return fromQuery;
  if (Buffer.isBuffer(req.body) && /x-www-form-urlencoded/.test(req.header('content-type') ?? '')) {
    return new URLSearchParams(req.body.toString('utf8')).get('api_key') ?? undefined;
  }
  return undefined;
}
