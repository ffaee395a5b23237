import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { Pool } from 'undici';
import { ACTOR_TOKEN_HEADER } from '@edugraph/auth';
import type { Actor, ActorSigner } from '@edugraph/auth';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '@edugraph/platform';

export interface GatewayContext {
  actor: Actor;
  requestId: string;
  correlationId: string;
}

type IncomingOperation = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>;
/** The gateway's enum is not exported; its value is. */
const isIncoming = (o: GraphQLDataSourceProcessOptions<GatewayContext>): o is IncomingOperation => (o.kind as string) === 'incoming operation';
type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;
/** One subgraph call's reply, read whole: every merged caller parses its own copy of the data. */
export type Reply = { status: number; cacheControl: string | undefined; text: string };
/** Sends one call to the subgraph's URL; the default keeps a pool of keep-alive connections. */
export type SubgraphCall = (call: { headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<Reply>;

/** Idle connections stay open this long: calls come in bursts, and a new connection costs a handshake. */
const KEEP_ALIVE_MS = 30_000;

/**
 * undici's own request API on one pool per subgraph: the same client Node's fetch is built on,
 * without the WHATWG Request/Response/stream objects fetch makes for every call.
 */
function pooledCall(url: string): { call: SubgraphCall; close: () => Promise<void> } {
  const target = new URL(url);
  const pool = new Pool(target.origin, { keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MS * 2 });
  const path = `${target.pathname}${target.search}`;
  return {
    call: async ({ headers, body, signal }) => {
      const response = await pool.request({ path, method: 'POST', headers, body, signal });
      const cacheControl = response.headers['cache-control'];
      return { status: response.statusCode, cacheControl: Array.isArray(cacheControl) ? cacheControl.join(', ') : cacheControl, text: await response.body.text() };
    },
    close: () => pool.close(),
  };
}

class SubgraphRefusal extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`HTTP ${status}`);
    this.status = status;
  }
}

/** The planner writes a subgraph query as `query …` or `{ … }`; anything else (a mutation) is never merged. */
const isQueryText = (query: string) => /^\s*(?:query\b|\{)/.test(query);

/** Whose authority a call carries: merged calls must agree on every part of it. */
const actorKey = (a: Actor) => JSON.stringify([a.kind, a.id, [...a.roles].sort(), a.institutionId, a.office]);

/** The subgraph's Cache-Control, as the hint the incoming operation's cache policy is restricted by. */
function cacheHint(header: string | undefined): { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } {
  const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(header ?? '')?.[1];
  const scope = /(?:^|,)\s*private\b/.test(header ?? '') ? 'PRIVATE' : /(?:^|,)\s*public\b/.test(header ?? '') ? 'PUBLIC' : undefined;
  return { maxAge: maxAge ? Number(maxAge) : 0, ...(scope ? { scope } : {}) };
}

/**
 * Calls one subgraph: signs a fresh actor token for each call (audience = the subgraph, bound to
 * the body), gives up after `timeoutMs`, and keeps connections alive in a pool.
 * Identical queries of the same actor in flight at once share one call (and its one token): the
 * subgraph answers that actor the same either way, and a burst of one public page costs the
 * subgraph one read (the subgraph logs the first caller's request id). Mutations, and the
 * queries a mutation plans, always go alone.
 * A failed call becomes an error naming the service, never its URL; the fields it would have
 * filled are null and the rest of the answer stands.
 */
export class ActorDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly inFlight = new Map<string, Promise<Reply>>();
  private readonly o: { name: string; url: string; signer: ActorSigner; timeoutMs: number; logger: Logger };
  private readonly send: SubgraphCall;
  /** Closes the connection pool (the gateway's shutdown). */
  readonly close: () => Promise<void>;

  constructor(o: { name: string; url: string; signer: ActorSigner; timeoutMs: number; logger: Logger; send?: SubgraphCall }) {
    this.o = o;
    const pooled = o.send ? { call: o.send, close: async () => {} } : pooledCall(o.url);
    this.send = pooled.call;
    this.close = pooled.close;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Answer> {
    const { query, variables, operationName, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const incoming = isIncoming(options) ? options : undefined;
    const actor = incoming?.context.actor; // the gateway's own health probes carry no actor
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (incoming && actor) {
      headers[REQUEST_ID_HEADER] = incoming.context.requestId;
      headers[CORRELATION_ID_HEADER] = incoming.context.correlationId;
    }
    const mergeable = actor && incoming?.incomingRequestContext.operation?.operation === 'query' && isQueryText(query);
    const key = mergeable ? `${actorKey(actor)}\n${body}` : undefined;
    let call = key === undefined ? undefined : this.inFlight.get(key);
    if (!call) {
      call = this.call(body, headers, actor);
      if (key !== undefined) {
        this.inFlight.set(key, call);
        const forget = () => this.inFlight.delete(key);
        call.then(forget, forget);
      }
    }
    let reply: Reply | undefined;
    try {
      reply = await call;
      if (reply.status < 200 || reply.status > 299) throw new SubgraphRefusal(reply.status);
      const answer = JSON.parse(reply.text) as Answer;
      if (typeof answer !== 'object' || answer === null) throw new Error('the subgraph answered something other than a JSON object');
      const policy = incoming?.incomingRequestContext.overallCachePolicy as { restrict?: (hint: ReturnType<typeof cacheHint>) => void } | undefined;
      policy?.restrict?.(cacheHint(reply.cacheControl));
      return answer;
    } catch (error) {
      throw this.failure(error as Error, reply?.status);
    }
  }

  /** One HTTP call with its own token, signed over the exact body sent. */
  private async call(body: string, headers: Record<string, string>, actor: Actor | undefined): Promise<Reply> {
    if (actor) headers[ACTOR_TOKEN_HEADER] = await this.o.signer.sign(actor, this.o.name, body);
    // A timer cleared on answer, not AbortSignal.timeout: that one fires (and builds its error) for every call.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new DOMException('subgraph call timed out', 'TimeoutError')), this.o.timeoutMs);
    try {
      return await this.send({ headers, body, signal: abort.signal });
    } finally {
      clearTimeout(timer);
    }
  }

  private failure(error: Error, status: number | undefined): GraphQLError {
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError';
    this.o.logger.warn({ err: error, service: this.o.name, status }, 'subgraph call failed');
    const message = timedOut
      ? `The ${this.o.name} service did not answer in time; its fields are null in this answer.`
      : status !== undefined
        ? `The ${this.o.name} service refused the call (HTTP ${status}); its fields are null in this answer.`
        : `The ${this.o.name} service is unavailable; its fields are null in this answer.`;
    return new GraphQLError(message, { extensions: { code: timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE', service: this.o.name } });
  }
}
