import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';
import { requestLog } from './request-log.ts';

export type ReadinessCheck = () => Promise<boolean>;

/**
 * The HTTP side every process shares (the subgraphs and the gateway): request log and ids,
 * `/health/live`, `/health/ready` (ready when every check answers true) and `/metrics`.
 */
export function createHttpApp(o: { service: string; logger: Logger; metrics: Metrics; readiness: Record<string, ReadinessCheck> }): { app: Express; httpServer: Server } {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(o.logger, o.metrics));
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', service: o.service });
  });
  app.get('/health/ready', async (_req, res) => {
    const entries = await Promise.all(Object.entries(o.readiness).map(async ([name, check]) => [name, await check().catch(() => false)] as const));
    const ready = entries.every(([, ok]) => ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', service: o.service, checks: Object.fromEntries(entries) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(o.metrics.registry.contentType).send(await o.metrics.registry.metrics());
  });
  return { app, httpServer: createServer(app) };
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
