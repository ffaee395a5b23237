import type { RequestContext, Resolvers } from '@edugraph/platform';
import type { Industry } from '../domain/alignment/index.ts';
import { publishProgramme } from '../application/publish-programme.command.ts';
import type { PublishProgramme } from '../application/publish-programme.command.ts';
import { programmesLoader } from '../application/programmes.query.ts';
import type { ProgrammeView } from '../application/programme.view.ts';
import { industriesLoader } from '../application/reference-data.ts';
import { alignProgramme } from '../application/industries.commands.ts';

/** A programme's industries named from the city's table, read once per request. */
async function industriesOf(programme: ProgrammeView, ctx: RequestContext): Promise<Industry[]> {
  const table = await ctx.loaders.get(industriesLoader).all();
  const byCode = new Map(table.map((i) => [i.code, i]));
  return programme.industryCodes.flatMap((code) => byCode.get(code) ?? []);
}

export function programmeResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      programmes: (institution: { id: string }, _: unknown, ctx: RequestContext) => ctx.loaders.get(programmesLoader).load(institution.id),
    },
    Programme: {
      industries: (programme: ProgrammeView, _: unknown, ctx: RequestContext) => industriesOf(programme, ctx),
    },
    Mutation: {
      publishProgramme: async (_: unknown, args: { input: PublishProgramme }, ctx: RequestContext) => ({ programme: await publishProgramme(ctx, args.input) }),
      alignProgramme: async (_: unknown, args: { programmeId: string; industryCodes: string[] }, ctx: RequestContext) => ({ programme: await alignProgramme(ctx, args) }),
    },
  };
}
