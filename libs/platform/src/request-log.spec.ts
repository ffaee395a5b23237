import { afterEach, describe, expect, it } from 'vitest';
import type { RequestHandler } from 'express';
import { createHttpApp, listen } from './http-server.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';

describe('requestLog labels HTTP metrics by the route the caller asked for', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(() => close?.());

  it('counts /graphql as /graphql though it is served under a mount point, and unknown paths as other', async () => {
    const metrics = createMetrics('route-test', false);
    const { httpServer, mountGraphql } = createHttpApp({ service: 'route-test', logger: createLogger('route-test', 'silent'), metrics, readiness: {} });
    const answer: RequestHandler = (_req, res) => void res.json({ data: {} });
    mountGraphql([answer]);
    const { port } = await listen(httpServer, '127.0.0.1', 0);
    close = () => new Promise((resolve) => httpServer.close(() => resolve()));
    const base = `http://127.0.0.1:${port}`;
    await (await fetch(`${base}/graphql?query=%7B__typename%7D`)).text();
    await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).text();
    await (await fetch(`${base}/health/live`)).text();
    await (await fetch(`${base}/nowhere`)).text();

    const { values } = await metrics.httpRequests.get();
    const count = (route: string, status: string) =>
      values.find((v) => v.metricName === 'edugraph_http_request_duration_seconds_count' && v.labels['route'] === route && v.labels['status'] === status)?.value ?? 0;
    expect(count('/graphql', '200')).toBe(2);
    expect(count('/health/live', '200')).toBe(1);
    expect(count('other', '404')).toBe(1);
    expect(count('other', '200')).toBe(0);
  });
});
