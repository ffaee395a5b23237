import type { RequestContext, Resolvers, ServiceInfra } from '@edugraph/platform';
import { clockOf } from '../domain/review/index.ts';
import type { CaseContext } from '../domain/review/index.ts';
import type { ResolveInput } from '../domain/review/index.ts';
import type { AppealRecord, BadReviewCaseRecord, ServiceMatter } from '../entities/review.entities.ts';
import { caseByRatingLoader, itemNameLoader, ratingLoader } from '../application/review/review.loaders.ts';
import { rateMatter } from '../application/review/rate-matter.command.ts';
import type { RateMatterArgs } from '../application/review/rate-matter.command.ts';
import { completeCaseRectification, rateRectification, recordCaseCallback, resolveBadReviewCase } from '../application/review/case.commands.ts';
import { appealReview, decideAppeal } from '../application/review/appeal.commands.ts';
import { appeals, badReviewCases, myServiceMatters, satisfactionFigures } from '../application/review/review.queries.ts';
import type { CaseFilter, SatisfactionBy } from '../application/review/review.queries.ts';
import { loadCaseContext } from '../application/review/review-context.ts';
import { reportPolicyOn, reviewPolicyOn, setPolicyVersion } from '../application/policy-settings.ts';
import { DEFAULT_REVIEW_POLICY } from '../domain/review/index.ts';
import { DEFAULT_REPORT_POLICY } from '../domain/reports/index.ts';

type Ctx = RequestContext;

function caseView(record: BadReviewCaseRecord, cc: CaseContext) {
  const s = record.state;
  return {
    id: record.id,
    ratingId: record.ratingId,
    matterId: record.matterId,
    itemCode: record.itemCode,
    office: record.office,
    status: s.status,
    openedOn: s.openedOn,
    callbackDueOn: s.callbackDueOn,
    contactedAt: s.callback?.contactedAt ?? null,
    callbackSummary: s.callback?.summary ?? null,
    resolution: s.resolution,
    explanation: s.explanation,
    rectification: s.rectification,
    fixedOn: s.fixedOn,
    fixLevel: s.reviewLevel,
    dueOn: record.dueOn ?? null,
    clock: clockOf(s, cc),
  };
}

function appealView(a: AppealRecord) {
  return { id: a.id, ratingId: a.ratingId, office: a.office, grounds: a.state.grounds, status: a.status, decidingOffice: a.state.decidingOffice, reason: a.state.reason };
}

export function reviewResolvers(infra: ServiceInfra): Resolvers {
  const clock = infra.clock;
  const withClock = (ctx: Ctx) => Object.assign(Object.create(ctx) as Ctx, { clock });
  return {
    Query: {
      myServiceMatters: (_: unknown, __: unknown, ctx: Ctx) => myServiceMatters(ctx),
      badReviewCases: async (_: unknown, args: { filter?: CaseFilter; first?: number; after?: string }, ctx: Ctx) => {
        const page = await badReviewCases(withClock(ctx), args.filter, args.first, args.after);
        const cc = await loadCaseContext(ctx.em, clock);
        return { ...page, nodes: page.nodes.map((r) => caseView(r, cc)) };
      },
      appeals: async (_: unknown, args: { status?: string; first?: number; after?: string }, ctx: Ctx) => {
        const page = await appeals(ctx, args.status, args.first, args.after);
        return { ...page, nodes: page.nodes.map(appealView) };
      },
      reviewPolicy: async (_: unknown, args: { on?: string | null }, ctx: Ctx) => {
        const on = args.on ?? new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        const p = await reviewPolicyOn(ctx.em, on);
        return { ratingWindowDays: p.ratingWindowDays, callbackWorkingDays: p.callbackWorkingDays, fixWorkingDays: p.fixWorkingDays, dueSoonWorkingDays: p.dueSoonWorkingDays, basis: p.basis };
      },
      reportPolicy: async (_: unknown, args: { on?: string | null }, ctx: Ctx) => {
        const on = args.on ?? new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        const p = await reportPolicyOn(ctx.em, on);
        return {
          complaintWorkingDays: p.replyWorkingDays.COMPLAINT,
          tipOffWorkingDays: p.replyWorkingDays.TIP_OFF,
          suggestionWorkingDays: p.replyWorkingDays.SUGGESTION,
          dueSoonWorkingDays: p.dueSoonWorkingDays,
          reopenWithinDays: p.reopenWithinDays,
          basis: p.basis,
        };
      },
      satisfaction: async (_: unknown, args: { by: SatisfactionBy; period: string }, ctx: Ctx) => {
        const report = await satisfactionFigures(ctx.em, args.by, args.period);
        return { period: report.period.label, from: report.period.from, to: report.period.to, groups: report.groups };
      },
    },
    ServiceMatter: {
      ratingClosesOn: (m: ServiceMatter) => m.closesOn,
      item: (m: ServiceMatter) => m.itemCode,
      itemName: (m: ServiceMatter, _: unknown, ctx: Ctx) => ctx.loaders.get(itemNameLoader).load(m.itemCode),
      rating: async (m: ServiceMatter, _: unknown, ctx: Ctx) => {
        if (!m.ratingId) return null;
        const r = await ctx.loaders.get(ratingLoader).load(m.ratingId);
        return r && { id: r.id, level: r.level, score: r.score, comment: r.comment ?? null, channel: r.channel, bad: r.bad, ratedOn: r.ratedOn, excluded: r.excluded };
      },
    },
    MatterRating: {
      case: async (r: { id: string }, _: unknown, ctx: Ctx) => {
        const record = await ctx.loaders.get(caseByRatingLoader).load(r.id);
        return record && caseView(record, await loadCaseContext(ctx.em, clock));
      },
    },
    Mutation: {
      rateMatter: (_: unknown, args: RateMatterArgs, ctx: Ctx) => rateMatter(withClock(ctx), args),
      recordCallback: async (_: unknown, args: { caseId: string; contactedAt: string; summary: string }, ctx: Ctx) => caseView(await recordCaseCallback(withClock(ctx), args), await loadCaseContext(ctx.em, clock)),
      resolveCase: async (_: unknown, args: { caseId: string } & ResolveInput, ctx: Ctx) => caseView(await resolveBadReviewCase(withClock(ctx), args), await loadCaseContext(ctx.em, clock)),
      completeRectification: async (_: unknown, args: { caseId: string; evidence: string }, ctx: Ctx) => caseView(await completeCaseRectification(withClock(ctx), args), await loadCaseContext(ctx.em, clock)),
      rateRectification: async (_: unknown, args: { caseId: string; level: string }, ctx: Ctx) => caseView(await rateRectification(withClock(ctx), args), await loadCaseContext(ctx.em, clock)),
      setReviewPolicy: async (_: unknown, args: { input: Record<string, number> & { basis: string; effectiveOn: string } }, ctx: Ctx) => {
        const { basis, effectiveOn, ...numbers } = args.input;
        const setting = await setPolicyVersion(withClock(ctx), 'REVIEW', numbers, { basis, effectiveOn });
        return { ...DEFAULT_REVIEW_POLICY, ...setting.document, basis: setting.basis, effectiveOn: setting.effectiveOn };
      },
      setReportPolicy: async (_: unknown, args: { input: Record<string, number> & { basis: string; effectiveOn: string } }, ctx: Ctx) => {
        const { basis, effectiveOn, ...numbers } = args.input;
        const setting = await setPolicyVersion(withClock(ctx), 'REPORTS', numbers, { basis, effectiveOn });
        return { ...DEFAULT_REPORT_POLICY, ...setting.document, basis: setting.basis, effectiveOn: setting.effectiveOn };
      },
      appealReview: async (_: unknown, args: { ratingId: string; grounds: string }, ctx: Ctx) => appealView(await appealReview(ctx, args)),
      decideAppeal: async (_: unknown, args: { appealId: string; upheld: boolean; reason: string }, ctx: Ctx) => appealView(await decideAppeal(ctx, args)),
    },
  };
}
