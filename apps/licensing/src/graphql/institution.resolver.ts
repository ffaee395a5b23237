import type { CachedFamily } from '@edugraph/cache';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { registerInstitution } from '../application/register-institution.command.ts';
import { findInstitution, listInstitutions } from '../application/institutions.query.ts';
import type { InstitutionFilter } from '../application/institutions.query.ts';
import type { NewInstitution } from '../domain/institution.rules.ts';

/** GraphQL leaves optional inputs out; the use case wants them as explicit nulls. */
type RegisterInput = Omit<NewInstitution, 'address' | 'creditCode' | 'licenceNumber'> &
  Partial<Pick<NewInstitution, 'address' | 'creditCode' | 'licenceNumber'>>;

export function institutionResolvers(deps: { listCache: CachedFamily }): Resolvers {
  return {
    Query: {
      institutions: (_: unknown, args: InstitutionFilter, ctx: RequestContext) => listInstitutions(ctx.em, deps.listCache, args),
      institution: (_: unknown, args: { id: string }, ctx: RequestContext) => findInstitution(ctx.em, args.id),
    },
    Mutation: {
      registerInstitution: async (_: unknown, args: { input: RegisterInput }, ctx: RequestContext) => {
        const { address, creditCode, licenceNumber, ...rest } = args.input;
        const input: NewInstitution = { ...rest, address: address ?? null, creditCode: creditCode ?? null, licenceNumber: licenceNumber ?? null };
        const institution = await registerInstitution(ctx, input);
        return { institution };
      },
    },
    Institution: {
      __resolveReference: (ref: { id: string }, ctx: RequestContext) => findInstitution(ctx.em, ref.id),
    },
  };
}
