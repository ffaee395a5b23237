import type { RequestContext, Resolvers } from '@edugraph/platform';
import { KnownInstitution } from '../entities/known-institution.entity.ts';
import { rateService } from '../application/rate-service.command.ts';
import type { RateService } from '../application/rate-service.command.ts';
import { toSatisfactionView } from '../application/satisfaction.view.ts';

export function satisfactionResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      satisfaction: async (institution: { id: string }, _: unknown, ctx: RequestContext) =>
        toSatisfactionView(await ctx.em.findOne(KnownInstitution, { institutionId: institution.id })),
    },
    Mutation: {
      rateService: async (_: unknown, args: { input: RateService }, ctx: RequestContext) => {
        const result = await rateService(ctx, args.input);
        return result;
      },
    },
  };
}
