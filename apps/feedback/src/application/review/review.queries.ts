import type { EntityManager } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { AppError, pageById, requireRole } from '@edugraph/platform';
import type { Connection } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import { OFFICES } from '../../domain/offices.ts';
import { SEED_SERVICE_ITEMS, daysToFix, figuresOf, levelOfScore, parsePeriod } from '../../domain/review/index.ts';
import type { CountedRating, Figures, ReviewLevel } from '../../domain/review/index.ts';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';
import { Rating } from '../../entities/rating.entity.ts';
import { AppealRecord, BadReviewCaseRecord, ServiceItemRecord, ServiceMatter } from '../../entities/review.entities.ts';
import { REVIEW_CALENDAR } from './review-context.ts';
import { todayInShanghai } from '@edugraph/rules';

/** A keyset page of one entity ordered by id (time-ordered UUIDs: oldest first). */
function page<T extends { id: string }>(em: EntityManager, entity: never, where: object, first: number | null | undefined, after: string | null | undefined): Promise<Connection<T>> {
  return pageById<T, T>(
    () => em.count(entity, where as never),
    (from, limit) => em.find(entity, (from.id ? { $and: [where, from] } : where) as never, { orderBy: { id: 'asc' } as never, limit }) as Promise<T[]>,
    (row) => row,
    { first, after },
  );
}

/** The signed-in person's completed matters, newest first, with their rating and its case. */
export async function myServiceMatters(ctx: UseCaseContext): Promise<ServiceMatter[]> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to see the matters you may rate.');
  return ctx.em.find(ServiceMatter, { applicantId: ctx.actor.id }, { orderBy: { completedOn: 'desc', id: 'desc' }, limit: 200 });
}

export interface CaseFilter {
  status?: string | null;
  office?: string | null;
  overdue?: boolean | null;
}

/** Bad-review cases for bureau staff and the leadership group (who is behind, at a glance). */
export async function badReviewCases(ctx: UseCaseContext & { clock: () => Date }, filter: CaseFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<BadReviewCaseRecord>> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP'], 'read bad-review cases');
  const where: FilterQuery<BadReviewCaseRecord> = {};
  if (filter?.status) where.status = filter.status;
  if (filter?.office) where.office = filter.office;
  if (filter?.overdue) where.dueOn = { $lt: todayInShanghai(ctx.clock()) };
  return page<BadReviewCaseRecord>(ctx.em, BadReviewCaseRecord as never, where, first, after);
}

export async function appeals(ctx: UseCaseContext, status: string | null | undefined, first?: number | null, after?: string | null): Promise<Connection<AppealRecord>> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'LEADERSHIP'], 'read appeals');
  return page<AppealRecord>(ctx.em, AppealRecord as never, status ? { status } : {}, first, after);
}

export type SatisfactionBy = 'ITEM' | 'OFFICE' | 'INSTITUTION';

export interface SatisfactionGroup extends Figures {
  key: string;
  name: string;
}

/**
 * The published figures of a period per item, office or institution: every rating of a level in
 * the period, less those removed by an upheld appeal, with the fixes of their bad reviews.
 */
export async function satisfactionFigures(em: EntityManager, by: SatisfactionBy, periodText: string): Promise<{ period: { label: string; from: string; to: string }; groups: SatisfactionGroup[] }> {
  const period = parsePeriod(periodText);
  if (!period.ok) throw new AppError('BAD_USER_INPUT', `${period.error.message}.`);
  const { from, to } = period.value;
  // Only ratings of invited matters count (rateMatter); the older rateService ones name no matter.
  const ratings = await em.find(Rating, { ratedOn: { $gte: from, $lte: to }, serviceMatterId: { $ne: null } }, { fields: ['id', 'score', 'level', 'bad', 'excluded', 'serviceItem', 'office', 'institutionId'] });
  const cases = new Map<string, BadReviewCaseRecord>();
  const bad = ratings.filter((r) => r.bad).map((r) => r.id);
  // In slices: a bind parameter list has a limit (PostgreSQL: 65,535).
  for (let i = 0; i < bad.length; i += 5_000) {
    for (const c of await em.find(BadReviewCaseRecord, { ratingId: { $in: bad.slice(i, i + 5_000) } }, { fields: ['ratingId', 'state'] })) cases.set(c.ratingId, c as BadReviewCaseRecord);
  }
  const keyOf = (r: Pick<Rating, 'serviceItem' | 'office' | 'institutionId'>): string | null => (by === 'ITEM' ? r.serviceItem : by === 'OFFICE' ? (r.office ?? null) : (r.institutionId ?? null));
  const groups = new Map<string, CountedRating[]>();
  for (const r of ratings) {
    const key = keyOf(r);
    if (key === null) continue;
    const badCase = cases.get(r.id);
    const group = groups.get(key) ?? [];
    group.push({
      level: (r.level as ReviewLevel | null) ?? levelOfScore(r.score),
      excluded: r.excluded,
      fixed: badCase?.state.fixedOn != null,
      daysToFix: badCase ? daysToFix(badCase.state, REVIEW_CALENDAR) : null,
    });
    groups.set(key, group);
  }
  const names = await namesOf(em, by, [...groups.keys()]);
  return {
    period: period.value,
    groups: [...groups.entries()].map(([key, list]) => ({ key, name: names.get(key) ?? key, ...figuresOf(list) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

async function namesOf(em: EntityManager, by: SatisfactionBy, keys: string[]): Promise<Map<string, string>> {
  if (by === 'OFFICE') return new Map(OFFICES.map((o) => [o.code, o.name]));
  if (by === 'ITEM') return new Map([...SEED_SERVICE_ITEMS.map((i) => [i.code, i.name] as const), ...(await em.find(ServiceItemRecord, { code: { $in: keys } })).map((i) => [i.code, i.name] as const)]);
  return new Map((await em.find(KnownInstitution, { institutionId: { $in: keys } })).map((k) => [k.institutionId, k.name]));
}
