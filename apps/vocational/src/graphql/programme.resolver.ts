import type { RequestContext, Resolvers } from '@edugraph/platform';
import { publishProgramme } from '../application/publish-programme.command.ts';
import type { PublishProgramme } from '../application/publish-programme.command.ts';
import { programmesLoader } from '../application/programmes.query.ts';

export function programmeResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      programmes: (institution: { id: string }, _: unknown, ctx: RequestContext) => ctx.loaders.get(programmesLoader).load(institution.id),
    },
    Mutation: {
      publishProgramme: async (_: unknown, args: { input: PublishProgramme }, ctx: RequestContext) => {
        const programme = await publishProgramme(ctx, args.input);
        return { programme };
      },
    },
  };
}
