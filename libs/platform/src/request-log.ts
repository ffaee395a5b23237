import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** The ids of the request being served, set by `requestLog` before any route runs. */
export interface RequestIds {
  requestId: string;
  correlationId: string;
}

const KNOWN_ROUTES = new Set(['/graphql', '/health/live', '/health/ready']);

export function requestIds(res: Response): RequestIds {
  return res.locals as RequestIds;
}

/**
 * Gives every request an id (kept from the caller when the gateway sent one), echoes it in the
 * response, and on finish writes one log line and one metric. Probes log at debug only, so an
 * orchestrator's health checks do not drown the log.
 */
export function requestLog(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = req.header(REQUEST_ID_HEADER) ?? randomUUID();
    const ids: RequestIds = { requestId, correlationId: req.header(CORRELATION_ID_HEADER) ?? requestId };
    Object.assign(res.locals, ids);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // By now a mount point (app.use('/graphql', …)) may have cut req.path down to '/':
      // originalUrl is the path the caller asked for, whatever router served it.
      const path = req.originalUrl.split('?', 1)[0]!;
      const route = KNOWN_ROUTES.has(path) ? path : 'other';
      metrics.httpRequests.observe({ route, status: String(res.statusCode) }, seconds);
      const line = { ...ids, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) };
      if (route === '/graphql') logger.info(line, 'request');
      else logger.debug(line, 'request');
    });
    next();
  };
}
