import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { ACTOR_TOKEN_HEADER, actorSchema } from '@edugraph/auth';
import type { Actor, ActorSigner } from '@edugraph/auth';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '@edugraph/platform';

export interface GatewayContext {
  actor: Actor;
  requestId: string;
  correlationId: string;
}

/**
 * Carries the actor from `willSendRequest` (which sees the context) to the fetcher (which sees
 * the exact body bytes the token must be bound to). Never leaves the gateway: the fetcher removes it.
 */
const PENDING_ACTOR_HEADER = 'x-edugraph-pending-actor';

type FetcherInit = { method?: string; headers?: Record<string, string>; body?: string };

/**
 * Calls one subgraph: signs a fresh actor token for each call (audience = the subgraph, bound to
 * the body), gives up after `timeoutMs`, and keeps connections alive (Node's fetch pools them).
 * A failed call becomes an error naming the service, never its URL; the fields it would have
 * filled are null and the rest of the answer stands.
 */
export class ActorDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly logger: Logger;

  constructor(o: { name: string; url: string; signer: ActorSigner; timeoutMs: number; logger: Logger }) {
    super({
      url: o.url,
      fetcher: (async (url: string, init: FetcherInit) => {
        const headers = { ...init.headers };
        const pending = headers[PENDING_ACTOR_HEADER];
        delete headers[PENDING_ACTOR_HEADER];
        if (pending) headers[ACTOR_TOKEN_HEADER] = await o.signer.sign(actorSchema.parse(JSON.parse(pending)), o.name, init.body ?? '');
        return fetch(url, { ...init, headers, signal: AbortSignal.timeout(o.timeoutMs) });
      }) as never,
    });
    this.serviceName = o.name;
    this.logger = o.logger;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context.actor) return; // the gateway's own health probes carry no actor
    request.http?.headers.set(PENDING_ACTOR_HEADER, JSON.stringify(context.actor));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(CORRELATION_ID_HEADER, context.correlationId);
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError';
    this.logger.warn({ err: error, service: this.serviceName, status: response?.status }, 'subgraph call failed');
    const message = timedOut
      ? `The ${this.serviceName} service did not answer in time; its fields are null in this answer.`
      : response
        ? `The ${this.serviceName} service refused the call (HTTP ${response.status}); its fields are null in this answer.`
        : `The ${this.serviceName} service is unavailable; its fields are null in this answer.`;
    throw new GraphQLError(message, { extensions: { code: timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE', service: this.serviceName } });
  }
}
