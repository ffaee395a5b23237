import type { RequestContext, Resolvers, ServiceInfra } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { answerComments, commentOnDecision, concludeDecision, openCommentPeriod, openDecision, recordDecisionStep } from '../application/decisions/decision.commands.ts';
import type { OpenDecision, RecordDecisionStep } from '../application/decisions/decision.commands.ts';
import { createCommentLimit } from '../application/decisions/decision-support.ts';
import type { DecisionContext } from '../application/decisions/decision-support.ts';
import { decision, decisionComments, decisions } from '../application/decisions/decisions.query.ts';

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
    },
    Mutation: {
      openDecision: (_: unknown, a: { input: OpenDecision }, ctx: RequestContext) => payload(openDecision(use(ctx), a.input)),
      recordDecisionStep: (_: unknown, a: RecordDecisionStep, ctx: RequestContext) => payload(recordDecisionStep(use(ctx), a)),
      openCommentPeriod: (_: unknown, a: { decisionId: string }, ctx: RequestContext) => payload(openCommentPeriod(use(ctx), a.decisionId)),
      commentOnDecision: async (_: unknown, a: { decisionId: string; text: string }, ctx: RequestContext) => {
        const c = await commentOnDecision(use(ctx), a);
        return { comment: { id: c.id, commentedOn: c.commentedOn }, decision: c.decision };
      },
      answerComments: (_: unknown, a: { decisionId: string; answer: string }, ctx: RequestContext) => payload(answerComments(use(ctx), a)),
      concludeDecision: (_: unknown, a: { decisionId: string }, ctx: RequestContext) => payload(concludeDecision(use(ctx), a.decisionId)),
    },
  };
}
