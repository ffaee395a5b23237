import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * A capacity project (new build, rebuild, community or rural upgrade). The domain state is kept in
 * columns; milestones are a short fixed list (JSON). `completedEventId` is the id of the
 * preschool.capacity-project.completed envelope: licensing registers a new kindergarten with that
 * id as causationId, which is how the registration finds its project (placesApplied says it did).
 */
export const CapacityProjectRow = defineEntity({
  name: 'CapacityProject',
  tableName: 'capacity_project',
  properties: {
    ...baseProperties(),
    kind: p.string().length(20),
    name: p.string().length(200),
    districtCode: p.string().length(40).index(),
    plannedPlaces: p.integer(),
    plannedOn: p.string().length(10),
    kindergartenId: p.string().length(40).nullable(),
    state: p.string().length(20).index(),
    milestones: p.json<{ name: string; plannedOn: string; doneOn?: string }[]>(),
    startedOn: p.string().length(10).nullable(),
    completedOn: p.string().length(10).nullable(),
    cancelledOn: p.string().length(10).nullable(),
    cancelReason: p.string().length(500).nullable(),
    completedEventId: p.string().length(40).nullable().index(),
    placesApplied: p.boolean().default(false),
  },
});
export type CapacityProjectRow = InferEntity<typeof CapacityProjectRow>;

/** Children aged 3–6 living in a district in a year (set by bureau staff from population data). */
export const PreschoolPopulation = defineEntity({
  name: 'PreschoolPopulation',
  tableName: 'preschool_population',
  uniques: [{ properties: ['districtCode', 'year'] }],
  properties: {
    ...baseProperties(),
    districtCode: p.string().length(40),
    year: p.integer(),
    children: p.integer(),
  },
});
export type PreschoolPopulation = InferEntity<typeof PreschoolPopulation>;

/**
 * An unlicensed kindergarten case (无证幼儿园治理). `licenceRequestEventId` is the id of the
 * preschool.case.passed envelope: licensing answers with that id as causationId.
 */
export const UnlicensedCaseRow = defineEntity({
  name: 'UnlicensedCase',
  tableName: 'unlicensed_case',
  properties: {
    ...baseProperties(),
    name: p.string().length(200),
    address: p.string().length(300),
    districtCode: p.string().length(40).index(),
    children: p.integer(),
    hazards: p.json<{ description: string; serious: boolean }[]>(),
    state: p.string().length(20).index(),
    rectifiable: p.boolean().nullable(),
    rectification: p.json<{ orderedOn: string; dueOn: string; items: string[] }>().nullable(),
    inspections: p.json<{ on: string; passed: boolean; findings: string[] }[]>(),
    placements: p.json<{ kindergartenId: string; children: number; confirmedOn: string }[]>(),
    closingReason: p.string().length(30).nullable(),
    licence: p.json<{ licenceNumber: string; institutionId: string; issuedOn: string }>().nullable(),
    closedOn: p.string().length(10).nullable(),
    openedOn: p.string().length(10),
    licenceRequestEventId: p.string().length(40).nullable().index(),
  },
});
export type UnlicensedCaseRow = InferEntity<typeof UnlicensedCaseRow>;

// Schemas of different entity types in one list: their type parameters cannot be one type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PLANNING_ENTITIES: any[] = [CapacityProjectRow, PreschoolPopulation, UnlicensedCaseRow];
