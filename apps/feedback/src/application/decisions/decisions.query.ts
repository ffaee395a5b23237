import type { FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import { AppError, checkPageSize, decodeCursor, encodeCursor, idInput, parseInput, requireRole } from '@edugraph/platform';
import { DECISION_STATUSES } from '../../domain/decisions/index.ts';
import { DecisionCommentRow, DecisionRow } from '../../entities/decision.entities.ts';
import type { DecisionContext } from './decision-support.ts';
import { toDecisionView } from './decision.view.ts';
import type { DecisionView } from './decision.view.ts';

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

type Page = { first?: number | null; after?: string | null };

/** Keyset paging by id (UUID v7), newest first: `find` loads the rows before a cursor, `count` counts them all. */
async function page<Row extends { id: string }, View>(
  args: Page,
  find: (before: string | null, limit: number) => Promise<Row[]>,
  count: () => Promise<number>,
  view: (row: Row) => View,
): Promise<Connection<View>> {
  const first = checkPageSize(args.first);
  const after = decodeCursor(args.after);
  const [rows, totalCount] = await Promise.all([find(after, first + 1), count()]);
  const nodes = rows.slice(0, first);
  return {
    nodes: nodes.map(view),
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length > 0 ? encodeCursor(nodes[nodes.length - 1]!.id) : null },
    totalCount,
  };
}

/**
 * Major decisions, for anyone (no sign-in needed): their steps, comment period, comment count and
 * the bureau's published answer. Comments themselves are not here (see decisionComments).
 */
export function decisions(ctx: DecisionContext, args: Page & { status?: string | null }): Promise<Connection<DecisionView>> {
  const status = parseInput(z.enum(DECISION_STATUSES).nullish(), args.status);
  const em = ctx.em.fork();
  const where: FilterQuery<DecisionRow> = status ? { status } : {};
  return page(
    args,
    (before, limit) => em.find(DecisionRow, before ? { $and: [where, { id: { $lt: before } }] } : where, { orderBy: { id: 'desc' }, limit }),
    () => em.count(DecisionRow, where),
    (row) => toDecisionView(row, ctx.actor, ctx),
  );
}

/** One decision, for anyone; null when there is none. */
export async function decision(ctx: DecisionContext, decisionId: string): Promise<DecisionView | null> {
  const id = parseInput(idInput(), decisionId);
  const row = await ctx.em.fork().findOne(DecisionRow, { id });
  return row ? toDecisionView(row, ctx.actor, ctx) : null;
}

export interface DecisionCommentView {
  id: string;
  text: string;
  commentedOn: string;
}

/**
 * The comments on a decision, newest first, for bureau staff and leadership, who answer them.
 * Their authors are shown to nobody; the public reads the count and the bureau's answer.
 */
export async function decisionComments(ctx: DecisionContext, args: Page & { decisionId: string }): Promise<Connection<DecisionCommentView>> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP'], 'read the comments on a decision');
  const decisionId = parseInput(idInput(), args.decisionId);
  const em = ctx.em.fork();
  if (!(await em.findOne(DecisionRow, { id: decisionId }, { fields: ['id'] }))) throw new AppError('NOT_FOUND', 'No major decision with this id.');
  return page(
    args,
    (before, limit) => em.find(DecisionCommentRow, before ? { decisionId, id: { $lt: before } } : { decisionId }, { orderBy: { id: 'desc' }, limit }),
    () => em.count(DecisionCommentRow, { decisionId }),
    (c) => ({ id: c.id, text: c.text, commentedOn: c.commentedOn }),
  );
}
