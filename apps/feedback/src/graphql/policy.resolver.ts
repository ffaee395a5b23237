import type { RequestContext, Resolvers, ServiceInfra } from '@edugraph/platform';
import { publishPolicy } from '../application/policies/publish-policy.command.ts';
import type { PublishPolicy } from '../application/policies/publish-policy.command.ts';
import { policies, policy } from '../application/policies/policies.query.ts';
import type { PoliciesArgs } from '../application/policies/policies.query.ts';
import type { PolicyContext } from '../application/policies/policy-support.ts';

/** Policies and interpretations: thin resolvers, today from the service's clock. */
export function policyResolvers(infra: ServiceInfra): Resolvers {
  const use = (ctx: RequestContext): PolicyContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, clock: infra.clock });
  return {
    Query: {
      policies: (_: unknown, args: PoliciesArgs, ctx: RequestContext) => policies(use(ctx), args),
      policy: (_: unknown, args: { id: string }, ctx: RequestContext) => policy(use(ctx), args.id),
    },
    Mutation: {
      publishPolicy: async (_: unknown, a: { input: PublishPolicy }, ctx: RequestContext) => ({ policy: await publishPolicy(use(ctx), a.input) }),
    },
  };
}
