import type { RequestContext, Resolvers } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { isInclusiveIn, kindInYear } from '../domain/index.ts';
import { schoolYearOn } from '../domain/kindergarten/school-year.ts';
import { recognizeInclusive, recordRoster, setKindergartenProfile } from '../application/kindergarten.commands.ts';
import type { RecognizeInclusive, SetKindergartenProfile } from '../application/kindergarten.commands.ts';
import type { KindergartenView } from '../application/kindergarten.view.ts';
import { approveSubsidy, computeSubsidy, recordDisbursement, recordSubsidyRecovery, setSubsidyRate } from '../application/subsidy.commands.ts';
import { subsidyKey, subsidyLedger, subsidyLoader } from '../application/subsidy.query.ts';
import type { PreschoolContext } from '../application/subsidy-context.ts';

type Key = { kindergartenId: string; schoolYear: number };
type Payment = Key & { amountFen: number; voucherNo: string };

/** Rosters, inclusive recognition and the inclusive subsidy: thin resolvers over the use cases. */
export function subsidyResolvers(deps: { clock: () => Date }): Resolvers {
  const uc = (ctx: RequestContext): PreschoolContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, today: todayInShanghai(deps.clock()) });
  const currentYear = () => schoolYearOn(todayInShanghai(deps.clock()));
  return {
    Query: {
      subsidyLedger: (_: unknown, a: { schoolYear: number }, ctx: RequestContext) => subsidyLedger(ctx.em, ctx.actor, a.schoolYear),
    },
    Mutation: {
      setKindergartenProfile: async (_: unknown, a: { input: SetKindergartenProfile }, ctx: RequestContext) => ({ kindergarten: await setKindergartenProfile(uc(ctx), a.input) }),
      recordRoster: async (_: unknown, a: Key & { enrolled: number }, ctx: RequestContext) => ({ kindergarten: await recordRoster(uc(ctx), a) }),
      recognizeInclusive: async (_: unknown, a: RecognizeInclusive, ctx: RequestContext) => ({ kindergarten: await recognizeInclusive(uc(ctx), a) }),
      computeSubsidy: async (_: unknown, a: Key, ctx: RequestContext) => ({ subsidy: await computeSubsidy(uc(ctx), a) }),
      approveSubsidy: async (_: unknown, a: Key, ctx: RequestContext) => ({ subsidy: await approveSubsidy(uc(ctx), a) }),
      recordDisbursement: async (_: unknown, a: Payment, ctx: RequestContext) => ({ subsidy: await recordDisbursement(uc(ctx), a) }),
      recordSubsidyRecovery: async (_: unknown, a: Payment, ctx: RequestContext) => ({ subsidy: await recordSubsidyRecovery(uc(ctx), a) }),
      setSubsidyRate: async (_: unknown, a: { schoolYear: number; perChildFen: number; basis: string }, ctx: RequestContext) => ({ rate: await setSubsidyRate(uc(ctx), a) }),
    },
    Kindergarten: {
      kind: (k: KindergartenView, a: { schoolYear?: number | null }) => kindInYear(k.state, a.schoolYear ?? currentYear()),
      // Public, or recognised inclusive for the current school year (a recognition is per year).
      inclusive: (k: KindergartenView) => isInclusiveIn(k.state, currentYear()),
      subsidy: (k: KindergartenView, a: { schoolYear?: number | null }, ctx: RequestContext) =>
        ctx.loaders.get(subsidyLoader).load(subsidyKey(k.institutionId, a.schoolYear ?? currentYear())),
    },
  };
}
