import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Metrics } from './metrics.ts';
import { requestLog } from './request-log.ts';
import { watchEventLoop } from './event-loop-health.ts';

export type ReadinessCheck = () => Promise<boolean>;

/** A check that does not answer in this time counts as failed: a probe must never hang. */
const READINESS_CHECK_TIMEOUT_MS = 2_000;

function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([check.catch(() => false), late]).finally(() => clearTimeout(timer));
}

/** Every HTTP error leaves as a GraphQL-shaped JSON body, never an HTML page or a stack trace. */
export function sendJsonError(res: Response, status: number, code: string, message: string): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** Express 5 leaves `req.body` unset without a JSON body (GET, other types); Apollo needs it present. */
export function ensureBody(req: Request, _res: Response, next: NextFunction): void {
  if (!('body' in req)) (req as { body?: unknown }).body = undefined;
  next();
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  charset?: string;
  encoding?: string;
}

/** What a body that could not be read becomes: body-parser's error types, told in words. */
function describeBodyError(error: BodyParserError): { status: number; code: string; message: string } | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not a JSON object. Send {"query": "..."} as application/json.' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than the limit of ${error.limit} bytes.` };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The charset "${error.charset}" is not supported; send UTF-8.` };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The content encoding "${error.encoding}" is not supported.` };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body arrived incomplete.' };
    default:
      return error.status && error.status >= 400 && error.status < 500 ? { status: error.status, code: 'BAD_REQUEST', message: 'The request could not be read.' } : undefined;
  }
}

function jsonErrorHandler(logger: Logger) {
  // Express recognises an error handler by its four parameters.
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = describeBodyError((error ?? {}) as BodyParserError);
    if (known) return sendJsonError(res, known.status, known.code, known.message);
    logger.error({ err: error }, 'unexpected error in HTTP handling');
    if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal error; it has been logged. Please try again later.');
  };
}

/**
 * The HTTP side every process shares (the subgraphs and the gateway): request log and ids,
 * `/health/live` (fails when the event loop stalls), `/health/ready`, the GraphQL endpoint, and
 * JSON errors for everything else. Ready means "can serve": every `readiness` check answers true.
 * `dependencies` (the broker, Redis) are reported in the body but never fail readiness: the outbox
 * and the cache fallback exist so their outages do not take replicas out of rotation. Metrics are
 * not here: see `startMetricsServer`.
 */
export function createHttpApp(o: {
  service: string;
  logger: Logger;
  metrics: Metrics;
  readiness: Record<string, ReadinessCheck>;
  dependencies?: Record<string, ReadinessCheck>;
}): {
  app: express.Express;
  httpServer: Server;
  /** Mounts the GraphQL handlers, then the JSON 404 and error handlers after them. */
  mountGraphql(handlers: RequestHandler[]): void;
} {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(o.logger, o.metrics));
  const loop = watchEventLoop();
  app.get('/health/live', (_req, res) => {
    const alive = loop.alive();
    res.status(alive ? 200 : 503).json({ status: alive ? 'ok' : 'event loop stalled', service: o.service, eventLoopStallMs: Math.round(loop.stallMs()) });
  });
  app.get('/health/ready', async (_req, res) => {
    const run = (checks: Record<string, ReadinessCheck> = {}) =>
      Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await withTimeout(check(), READINESS_CHECK_TIMEOUT_MS)] as const));
    const [entries, dependencies] = await Promise.all([run(o.readiness), run(o.dependencies)]);
    const ready = entries.every(([, ok]) => ok);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      service: o.service,
      checks: Object.fromEntries(entries),
      dependencies: Object.fromEntries(dependencies),
    });
  });
  const httpServer = createServer(app);
  httpServer.on('close', () => loop.stop());
  return {
    app,
    httpServer,
    mountGraphql(handlers) {
      app.use('/graphql', ...handlers);
      app.use((_req, res) => sendJsonError(res, 404, 'NOT_FOUND', 'Nothing here. GraphQL is served at /graphql.'));
      app.use(jsonErrorHandler(o.logger));
    },
  };
}

/** Listens and returns the port (0 picks a free one) and the GraphQL URL a caller on this host uses. */
export async function listen(httpServer: Server, host: string, port: number): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, resolve);
  });
  const actual = (httpServer.address() as AddressInfo).port;
  return { port: actual, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/graphql` };
}

export interface RunningMetricsServer {
  /** Base URL; `/metrics` when it serves one registry, `/metrics/<name>` for each. */
  url: string;
  close(): Promise<void>;
}

/**
 * Prometheus metrics on their own address, apart from the public port (by default loopback only:
 * set METRICS_HOST to the pod address for a scraper). One registry answers at `/metrics`; the
 * embedded default serves each service's registry at `/metrics/<service>`.
 */
export async function startMetricsServer(host: string, port: number, registries: Record<string, Registry>): Promise<RunningMetricsServer> {
  const app = express();
  app.disable('x-powered-by');
  const names = Object.keys(registries);
  const serve = (registry: Registry) => async (_req: Request, res: Response) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
  if (names.length === 1) app.get('/metrics', serve(registries[names[0]!]!));
  for (const name of names) app.get(`/metrics/${name}`, serve(registries[name]!));
  app.use((_req, res) => sendJsonError(res, 404, 'NOT_FOUND', `Metrics are at ${names.length === 1 ? '/metrics' : names.map((n) => `/metrics/${n}`).join(', ')}.`));
  const server = createServer(app);
  const { port: actual } = await listen(server, host, port);
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
