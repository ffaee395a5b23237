import type { RequestContext, Resolvers } from '@edugraph/platform';
import { setKindergartenPlaces } from '../application/set-kindergarten-places.command.ts';
import type { SetKindergartenPlaces } from '../application/set-kindergarten-places.command.ts';
import { kindergartenLoader } from '../application/kindergarten.query.ts';

export function kindergartenResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      kindergarten: (institution: { id: string }, _: unknown, ctx: RequestContext) => ctx.loaders.get(kindergartenLoader).load(institution.id),
    },
    Mutation: {
      setKindergartenPlaces: async (_: unknown, args: { input: SetKindergartenPlaces }, ctx: RequestContext) => {
        const kindergarten = await setKindergartenPlaces(ctx, args.input);
        return { kindergarten };
      },
    },
  };
}
