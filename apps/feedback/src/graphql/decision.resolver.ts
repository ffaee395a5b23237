import type { RequestContext, Resolvers, ServiceInfra } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { answerComments, commentOnDecision, concludeDecision, openCommentPeriod, openDecision, recordDecisionStep } from '../application/decisions/decision.commands.ts';
import type { OpenDecision, RecordDecisionStep } from '../application/decisions/decision.commands.ts';
import { createCommentLimit } from '../application/decisions/decision-support.ts';
import type { DecisionContext } from '../application/decisions/decision-support.ts';
import { decision, decisionComments, decisions } from '../application/decisions/decisions.query.ts';
import { decisionPolicyOn, setPolicyVersion } from '../application/policy-settings.ts';

type Page = { first?: number | null; after?: string | null };

/** Major administrative decisions (重大行政决策): thin resolvers, today from the service's clock. */
export function decisionResolvers(infra: ServiceInfra): Resolvers {
  const commentLimit = createCommentLimit(infra.redis);
  const use = (ctx: RequestContext): DecisionContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, today: todayInShanghai(infra.clock()), commentLimit });
  const payload = async (p: Promise<unknown>) => ({ decision: await p });
  return {
    Query: {
      decisions: (_: unknown, args: Page & { status?: string | null }, ctx: RequestContext) => decisions(use(ctx), args),
      decision: (_: unknown, args: { id: string }, ctx: RequestContext) => decision(use(ctx), args.id),
      decisionComments: (_: unknown, args: Page & { decisionId: string }, ctx: RequestContext) => decisionComments(use(ctx), args),
      decisionPolicy: async (_: unknown, args: { on?: string | null }, ctx: RequestContext) => {
        const p = await decisionPolicyOn(ctx.em, args.on ?? todayInShanghai(infra.clock()));
        return { commentPeriodDays: p.commentPeriodDays, basis: p.basis, effectiveOn: p.effectiveFrom };
      },
    },
    Mutation: {
      openDecision: (_: unknown, a: { input: OpenDecision }, ctx: RequestContext) => payload(openDecision(use(ctx), a.input)),
      recordDecisionStep: (_: unknown, a: RecordDecisionStep, ctx: RequestContext) => payload(recordDecisionStep(use(ctx), a)),
      // The period's length is the one in force on the day it opens.
      openCommentPeriod: async (_: unknown, a: { decisionId: string }, ctx: RequestContext) => {
        const c = use(ctx);
        return payload(openCommentPeriod({ ...c, policy: await decisionPolicyOn(ctx.em, c.today) }, a.decisionId));
      },
      setDecisionPolicy: async (_: unknown, a: { input: { commentPeriodDays: number; basis: string; effectiveOn: string } }, ctx: RequestContext) => {
        const { basis, effectiveOn, ...numbers } = a.input;
        const setting = await setPolicyVersion(Object.assign(Object.create(ctx) as RequestContext, { clock: infra.clock }), 'DECISIONS', numbers, { basis, effectiveOn });
        return { commentPeriodDays: setting.document['commentPeriodDays'], basis: setting.basis, effectiveOn: setting.effectiveOn };
      },
      commentOnDecision: async (_: unknown, a: { decisionId: string; text: string }, ctx: RequestContext) => {
        const c = await commentOnDecision(use(ctx), a);
        return { comment: { id: c.id, commentedOn: c.commentedOn }, decision: c.decision };
      },
      answerComments: (_: unknown, a: { decisionId: string; answer: string }, ctx: RequestContext) => payload(answerComments(use(ctx), a)),
      concludeDecision: (_: unknown, a: { decisionId: string }, ctx: RequestContext) => payload(concludeDecision(use(ctx), a.decisionId)),
    },
  };
}
