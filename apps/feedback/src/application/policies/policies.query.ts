import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { AppError, checkPageSize, idInput, parseInput } from '@edugraph/platform';
import { AUDIENCES, parseSearch } from '../../domain/policies/index.ts';
import type { Audience } from '../../domain/policies/index.ts';
import { PolicyInterpretationRecord, PolicyRecord } from '../../entities/policy.entities.ts';
import { policySearchQuery } from './policy-search.sql.ts';
import { dialectOf, ensureSearchIndex, refusal } from './policy-support.ts';
import type { PolicyContext } from './policy-support.ts';
import { toPolicyView } from './policy.view.ts';
import type { PolicyView } from './policy.view.ts';

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface PoliciesArgs {
  topic?: string | null;
  audience?: string | null;
  first?: number | null;
  after?: string | null;
}

/** A row of the search query (PostgreSQL returns counts as text). */
interface Hit {
  id: string;
  rank: number | string;
  total: number | string;
}

const PREFIX = 'policies:';
// Far beyond any page a reader turns to; keeps a forged cursor from asking for an absurd offset.
const MAX_OFFSET = 100_000;

/** Cursors are opaque: base64url of the position after the last policy seen in this ranking. */
function encodeOffset(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

function decodeOffset(cursor: string | null | undefined): number {
  if (cursor == null || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw new AppError('BAD_USER_INPUT', 'after is not a cursor this API gave out.');
  return offset;
}

const audienceInput = z.enum(AUDIENCES).nullish();

/**
 * Published policies, open to everyone (anonymous answers are cached at the gateway). With a
 * `topic`, the policies containing every word of it, ranked (SEARCH_WEIGHTS: title and number
 * first, then interpretations, then body); without, the newest first. `audience` keeps policies
 * with an interpretation for that audience. A topic over 200 characters is refused before any query.
 */
export async function policies(ctx: PolicyContext, args: PoliciesArgs): Promise<Connection<PolicyView>> {
  const search = parseSearch(args.topic);
  if (!search.ok) throw refusal(search.error);
  const audience = parseInput(audienceInput, args.audience) ?? null;
  const first = checkPageSize(args.first);
  const offset = decodeOffset(args.after);
  const em = ctx.em.fork();
  await ensureSearchIndex(em);
  const query = policySearchQuery(dialectOf(em), { terms: search.value?.terms ?? [], audience, limit: first + 1, offset });
  const hits = (await em.getConnection().execute(query.sql, query.params, 'all')) as Hit[];
  const page = hits.slice(0, first);
  const ids = page.map((h) => h.id);
  const [rows, interpretations] =
    ids.length === 0 ? [[], []] : await Promise.all([em.find(PolicyRecord, { id: { $in: ids } }), em.find(PolicyInterpretationRecord, { policyId: { $in: ids } })]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nodes = page.flatMap((h) => {
    const row = byId.get(h.id);
    return row ? [toPolicyView(row, interpretations, search.value ? Number(h.rank) : null)] : [];
  });
  // Past the last match the window function has no row to count on: count them when a page is empty.
  const totalCount = hits.length > 0 ? Number(hits[0]!.total) : offset === 0 ? 0 : await countAll(em, search.value?.terms ?? [], audience);
  return {
    nodes,
    pageInfo: { hasNextPage: hits.length > first, endCursor: nodes.length > 0 ? encodeOffset(offset + page.length) : null },
    totalCount,
  };
}

async function countAll(em: EntityManager, terms: readonly string[], audience: Audience | null): Promise<number> {
  const query = policySearchQuery(dialectOf(em), { terms, audience, limit: 1, offset: 0 });
  const hits = (await em.getConnection().execute(query.sql, query.params, 'all')) as Hit[];
  return hits.length > 0 ? Number(hits[0]!.total) : 0;
}

/** One policy by id, open to everyone. */
export async function policy(ctx: PolicyContext, id: string): Promise<PolicyView | null> {
  const { id: policyId } = parseInput(z.object({ id: idInput() }), { id });
  const em = ctx.em.fork();
  const row = await em.findOne(PolicyRecord, { id: policyId });
  if (!row) return null;
  return toPolicyView(row, await em.find(PolicyInterpretationRecord, { policyId }));
}
