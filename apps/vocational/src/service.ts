import { loadSchema, mergeResolvers } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { Programme } from './entities/programme.entity.ts';
import { VocationalSchool } from './entities/vocational-school.entity.ts';
import { CatalogueEntryRecord, CatalogueSync, IndustryRecord, ProgrammeYear } from './entities/catalogue.entities.ts';
import { programmeResolvers } from './graphql/programme.resolver.ts';
import { catalogueResolvers } from './graphql/catalogue.resolver.ts';
import { institutionRegisteredHandler } from './consumers/institution-registered.handler.ts';
import { programmesJsonLd } from './application/open-data.query.ts';
import { migrations } from './migrations/index.ts';

export const vocationalService: ServiceModule = {
  name: 'vocational',
  entities: [VocationalSchool, Programme, CatalogueEntryRecord, IndustryRecord, ProgrammeYear, CatalogueSync],
  migrations,
  createService() {
    return {
      typeDefs: loadSchema(new URL('./schema.graphql', import.meta.url)),
      resolvers: mergeResolvers(programmeResolvers(), catalogueResolvers()),
      subscriptions: [{ from: ['licensing'], handlers: { 'licensing.institution.registered': institutionRegisteredHandler } }],
      restRoutes: [{ method: 'GET', path: '/open-data/programmes.jsonld', handle: async (r) => ({ status: 200, contentType: 'application/ld+json', body: await programmesJsonLd(r.em, r.publicBase) }) }],
    };
  },
};
