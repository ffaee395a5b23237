import type { CachedFamily } from '@edugraph/cache';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { registerInstitution } from '../application/register-institution.command.ts';
import type { RegisterInstitution } from '../application/register-institution.command.ts';
import { institutionLoader, listInstitutions } from '../application/institutions.query.ts';
import type { InstitutionFilter } from '../application/institutions.query.ts';

export function institutionResolvers(deps: { listCache: CachedFamily }): Resolvers {
  return {
    Query: {
      institutions: (_: unknown, args: InstitutionFilter, ctx: RequestContext) => listInstitutions(ctx.em, deps.listCache, args),
      institution: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.get(institutionLoader).load(args.id),
    },
    Mutation: {
      registerInstitution: async (_: unknown, args: { input: RegisterInstitution }, ctx: RequestContext) => {
        const institution = await registerInstitution(ctx, args.input);
        return { institution };
      },
    },
    Institution: {
      __resolveReference: (ref: { id: string }, ctx: RequestContext) => ctx.loaders.get(institutionLoader).load(ref.id),
    },
  };
}
