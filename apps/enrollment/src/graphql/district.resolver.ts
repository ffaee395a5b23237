import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { lookupIds, lookupKey } from '@edugraph/rules';
import { listDistances, listDistricts, setDistrict, setDistrictDistance } from '../application/districts.ts';
import { School } from '../entities/school.entity.ts';

const GRADES: Record<string, number[]> = { PRIMARY: [1, 2, 3, 4, 5, 6], JUNIOR: [7, 8, 9] };

/** The schools enrollment knows, by institution id, one query per request. */
const schoolsLoader = (em: EntityManager) =>
  new DataLoader<string, School | null>(async (ids) => {
    const wanted = lookupIds(ids);
    const found = new Map((wanted.length ? await em.find(School, { institutionId: { $in: wanted } }) : []).map((s) => [s.institutionId, s]));
    return ids.map((id) => found.get(lookupKey(id) ?? '') ?? null);
  });

/** The open schools of many districts in one query per request. */
const schoolsByDistrictLoader = (em: EntityManager) =>
  new DataLoader<string, School[]>(async (codes) => {
    const rows = await em.find(School, { districtCode: { $in: [...codes] }, closedAt: null }, { orderBy: { name: 'asc' } });
    return codes.map((code) => rows.filter((s) => s.districtCode === code));
  });

export function districtResolvers(): Resolvers {
  return {
    Query: {
      districts: (_: unknown, __: unknown, ctx: RequestContext) => listDistricts(ctx.em),
      districtDistances: (_: unknown, __: unknown, ctx: RequestContext) => listDistances(ctx.em),
    },
    Mutation: {
      setDistrict: (_: unknown, a: { input: { code: string; name: string; kind: 'URBAN' | 'RURAL' } }, ctx: RequestContext) => setDistrict(ctx, a.input),
      setDistrictDistance: (_: unknown, a: { input: { fromCode: string; toCode: string; km: number } }, ctx: RequestContext) => setDistrictDistance(ctx, a.input),
    },
    District: {
      schools: async (d: { code: string }, _: unknown, ctx: RequestContext) =>
        (await ctx.loaders.get(schoolsByDistrictLoader).load(d.code)).map((s) => ({ __typename: 'Institution', id: s.institutionId })),
    },
    Institution: {
      grades: async (i: { id: string }, _: unknown, ctx: RequestContext) => GRADES[(await ctx.loaders.get(schoolsLoader).load(i.id))?.level ?? ''] ?? [],
    },
  };
}
