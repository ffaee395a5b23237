import type { RequestContext, Resolvers } from '@edugraph/platform';
import { CatalogueEntryRecord } from '../entities/catalogue.entities.ts';
import { importCatalogue } from '../application/import-catalogue.command.ts';
import type { CatalogueEntryInput } from '../application/import-catalogue.command.ts';
import { syncCatalogue } from '../application/sync-catalogue.command.ts';
import type { CatalogueSnapshotInput } from '../application/sync-catalogue.command.ts';
import { setIndustries } from '../application/industries.commands.ts';
import { industriesLoader } from '../application/reference-data.ts';
import { vocationalStatsOf } from '../application/vocational-stats.query.ts';

export function catalogueResolvers(): Resolvers {
  return {
    Query: {
      industries: (_: unknown, __: unknown, ctx: RequestContext) => ctx.loaders.get(industriesLoader).all(),
      vocationalStats: (_: unknown, args: { year: number }, ctx: RequestContext) => vocationalStatsOf(ctx.em, args.year),
      vocationalCatalogue: (_: unknown, args: { level?: string | null }, ctx: RequestContext) =>
        ctx.em.find(CatalogueEntryRecord, args.level ? { level: args.level } : {}, { orderBy: { code: 'asc' } }),
    },
    Mutation: {
      syncCatalogue: (_: unknown, args: { schoolId: string; snapshot: CatalogueSnapshotInput; dryRun?: boolean | null }, ctx: RequestContext) => syncCatalogue(ctx, args),
      importCatalogue: (_: unknown, args: { entries: CatalogueEntryInput[] }, ctx: RequestContext) => importCatalogue(ctx, args.entries),
      setIndustries: (_: unknown, args: { industries: { code: string; name: string; kind: string }[] }, ctx: RequestContext) => setIndustries(ctx, args.industries),
    },
  };
}
