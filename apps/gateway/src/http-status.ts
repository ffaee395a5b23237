import type { NextFunction, Request, Response } from 'express';

/**
 * Errors in the GraphQL document or its variables: "request errors" once the HTTP request itself
 * was well formed, including the edge's own refusals of a document (depth, cost, aliases...).
 */
const DOCUMENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
]);

function onlyDocumentErrors(body: unknown): boolean {
  if (typeof body !== 'string' || !body.startsWith('{"errors":')) return false;
  try {
    const { errors, data } = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
    return data === undefined && !!errors?.length && errors.every((e) => DOCUMENT_ERROR_CODES.has(e.extensions?.code ?? ''));
  } catch {
    return false;
  }
}

/**
 * GraphQL over HTTP: a document that does not parse or validate, or variables that do not coerce,
 * is answered 400 with `application/graphql-response+json` but 200 with the legacy
 * `application/json`, whose clients read the errors from the body. Apollo answers 400 to both;
 * this puts the legacy case right just before the response leaves. A malformed HTTP request (no
 * query, `variables` not an object) stays 400, and 401, 405, 413 and 429 are kept.
 */
export function legacyJsonStatus(_req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const legacyJson = /^application\/json\b/.test(String(res.getHeader('content-type') ?? ''));
    if (res.statusCode === 400 && legacyJson && onlyDocumentErrors(body)) res.statusCode = 200;
    return send(body);
  };
  next();
}
