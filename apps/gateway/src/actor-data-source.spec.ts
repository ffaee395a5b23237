import { describe, expect, it } from 'vitest';
import { ACTOR_TOKEN_HEADER, ANONYMOUS, createActorSigner, createActorVerifier, generateActorKeyPair } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { createLogger } from '@edugraph/platform';
import { ActorDataSource } from './actor-data-source.ts';
import type { SubgraphCall } from './actor-data-source.ts';

const keys = await generateActorKeyPair('data-source-spec');
const signer = await createActorSigner(keys.privateJwk);
const verifier = createActorVerifier({ keys: [keys.publicJwk] }, 'licensing');
const staff: Actor = { id: 'staff-1', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: null, creditCode: null };
const otherStaff: Actor = { ...staff, id: 'staff-2' };
const LIST = '{institutions(first:50){nodes{id name}}}';
const REGISTER = 'mutation($input:RegisterInstitutionInput!){registerInstitution(input:$input){institution{id}}}';

/** A subgraph that holds every call until released, recording what each carried. */
function heldSubgraph() {
  const calls: { body: string; token: string | undefined }[] = [];
  const waiting: (() => void)[] = [];
  const send: SubgraphCall = async (call) => {
    calls.push({ body: call.body, token: call.headers[ACTOR_TOKEN_HEADER] });
    await new Promise<void>((resolve) => waiting.push(resolve));
    return { status: 200, cacheControl: undefined, text: JSON.stringify({ data: { institutions: { nodes: [{ id: 'i-1', name: '城关第一小学' }] } } }) };
  };
  const source = new ActorDataSource({ name: 'licensing', url: 'http://licensing.invalid/graphql', signer, timeoutMs: 5_000, logger: createLogger('spec', 'silent'), send });
  /** Lets every held call answer once all `expected` calls have reached the subgraph. */
  const release = async (expected: number) => {
    while (calls.length < expected) await new Promise((resolve) => setImmediate(resolve));
    waiting.splice(0).forEach((resolve) => resolve());
  };
  return { calls, source, release };
}

const send = (source: ActorDataSource, actor: Actor, query: string, operation: 'query' | 'mutation' = 'query') =>
  source.process({
    kind: 'incoming operation',
    request: { query, variables: {} },
    context: { actor, requestId: `r-${Math.random()}`, correlationId: 'c-1' },
    incomingRequestContext: { operation: { operation } },
  } as never);

describe('subgraph calls at the gateway', () => {
  it('merges identical queries of one actor in flight into one call, each caller getting its own answer', async () => {
    const { calls, source, release } = heldSubgraph();
    const answers = Promise.all([send(source, staff, LIST), send(source, staff, LIST), send(source, staff, LIST)]);
    await release(1);
    const [a, b, c] = await answers;
    expect(calls).toHaveLength(1);
    expect(a!.data).toEqual({ institutions: { nodes: [{ id: 'i-1', name: '城关第一小学' }] } });
    expect(b!.data).toEqual(a!.data);
    expect(b!.data).not.toBe(a!.data); // the gateway merges entity data into what it gets: never a shared object
    expect(c!.data).not.toBe(b!.data);
    expect(await verifier.verify(calls[0]!.token, calls[0]!.body)).toMatchObject({ ok: true, actor: staff });
  });

  it('calls again once the merged call has answered: it merges, it does not cache', async () => {
    const { calls, source, release } = heldSubgraph();
    const first = send(source, staff, LIST);
    await release(1);
    await first;
    const second = send(source, staff, LIST);
    await release(2);
    await second;
    expect(calls).toHaveLength(2);
    expect(calls[0]!.token).not.toBe(calls[1]!.token);
  });

  it('never merges the calls of two actors: each carries a token for its own actor', async () => {
    const { calls, source, release } = heldSubgraph();
    const answers = Promise.all([send(source, staff, LIST), send(source, otherStaff, LIST), send(source, ANONYMOUS, LIST)]);
    await release(3);
    await answers;
    expect(calls).toHaveLength(3);
    const actors = await Promise.all(calls.map(async (call) => ((await verifier.verify(call.token, call.body)) as { actor: Actor }).actor.id));
    expect(actors.sort()).toEqual(['anonymous', 'staff-1', 'staff-2']);
  });

  it('never merges mutations, nor the queries a mutation plans', async () => {
    const { calls, source, release } = heldSubgraph();
    const answers = Promise.all([
      send(source, staff, REGISTER, 'mutation'),
      send(source, staff, REGISTER, 'mutation'),
      send(source, staff, LIST, 'mutation'),
      send(source, staff, LIST, 'mutation'),
    ]);
    await release(4);
    await answers;
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.token)).size).toBe(4);
  });

  it('gives every merged caller the service error when the shared call fails, and calls afresh after', async () => {
    let calls = 0;
    const flaky: SubgraphCall = async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return { status: 200, cacheControl: undefined, text: '{"data":{"ok":true}}' };
    };
    const source = new ActorDataSource({ name: 'licensing', url: 'http://licensing.invalid/graphql', signer, timeoutMs: 5_000, logger: createLogger('spec', 'silent'), send: flaky });
    const failed = await Promise.allSettled([send(source, staff, LIST), send(source, staff, LIST)]);
    expect(calls).toBe(1);
    for (const f of failed) expect(f).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'licensing' } } });
    expect((await send(source, staff, LIST)).data).toEqual({ ok: true });
    expect(calls).toBe(2);
  });
});
