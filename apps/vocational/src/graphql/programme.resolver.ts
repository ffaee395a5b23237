import type { RequestContext, Resolvers } from '@edugraph/platform';
import { Programme } from '../entities/programme.entity.ts';
import { publishProgramme } from '../application/publish-programme.command.ts';
import type { PublishProgramme } from '../application/publish-programme.command.ts';
import { toProgrammeView } from '../application/programme.view.ts';

export function programmeResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      programmes: async (institution: { id: string }, _: unknown, ctx: RequestContext) =>
        (await ctx.em.find(Programme, { institutionId: institution.id }, { orderBy: { code: 'asc' } })).map(toProgrammeView),
    },
    Mutation: {
      publishProgramme: async (_: unknown, args: { input: PublishProgramme }, ctx: RequestContext) => {
        const programme = await publishProgramme(ctx, args.input);
        return { programme };
      },
    },
  };
}
