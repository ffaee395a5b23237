import type { RequestContext, Resolvers } from '@edugraph/platform';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { setKindergartenPlaces } from '../application/set-kindergarten-places.command.ts';
import { toKindergartenView } from '../application/kindergarten.view.ts';

export function kindergartenResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      kindergarten: async (institution: { id: string }, _: unknown, ctx: RequestContext) => {
        const k = await ctx.em.findOne(Kindergarten, { institutionId: institution.id });
        return k ? toKindergartenView(k) : null;
      },
    },
    Mutation: {
      setKindergartenPlaces: async (_: unknown, args: { input: { institutionId: string; places: number } }, ctx: RequestContext) => {
        const kindergarten = await setKindergartenPlaces(ctx, args.input);
        return { kindergarten };
      },
    },
  };
}
