import type { RequestContext, Resolvers } from '@edugraph/platform';
import { rateService } from '../application/rate-service.command.ts';
import type { RateService } from '../application/rate-service.command.ts';
import { satisfactionLoader } from '../application/satisfaction.query.ts';

export function satisfactionResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      satisfaction: (institution: { id: string }, _: unknown, ctx: RequestContext) => ctx.loaders.get(satisfactionLoader).load(institution.id),
    },
    Mutation: {
      rateService: (_: unknown, args: { input: RateService }, ctx: RequestContext) => rateService(ctx, args.input),
    },
  };
}
