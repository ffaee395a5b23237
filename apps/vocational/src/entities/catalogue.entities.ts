import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** An entry of the national vocational catalogue (职业教育专业目录), loaded by importCatalogue. */
export const CatalogueEntryRecord = defineEntity({
  name: 'CatalogueEntryRecord',
  tableName: 'catalogue_entry',
  properties: {
    code: p.string().length(6).primary(),
    name: p.string().length(200),
    level: p.string().length(10),
    category: p.string().length(2),
    importedAt: p.datetime(),
  },
});
export type CatalogueEntryRecord = InferEntity<typeof CatalogueEntryRecord>;

/** One of the city's industries (主导产业 / 现代服务业); the table is data kept by bureau staff. */
export const IndustryRecord = defineEntity({
  name: 'IndustryRecord',
  tableName: 'industry',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(100),
    kind: p.string().length(20),
    /** Position in the table as bureau staff gave it. */
    position: p.integer(),
  },
});
export type IndustryRecord = InferEntity<typeof IndustryRecord>;

/**
 * A programme's figures for one year, written by each applied snapshot: the intake history behind
 * `vocationalStats(year).growth` and the year's share, kept when the programme changes later.
 */
export const ProgrammeYear = defineEntity({
  name: 'ProgrammeYear',
  tableName: 'programme_year',
  uniques: [{ properties: ['programmeId', 'year'] }],
  properties: {
    id: p.uuid().primary(),
    programmeId: p.uuid(),
    year: p.integer().index(),
    institutionId: p.uuid(),
    code: p.string().length(6),
    annualIntake: p.integer(),
    enrolled: p.integer(),
    applicants: p.integer(),
  },
});
export type ProgrammeYear = InferEntity<typeof ProgrammeYear>;

/** Every applied snapshot of a school: its hash, what it did, and who sent it. */
export const CatalogueSync = defineEntity({
  name: 'CatalogueSync',
  tableName: 'catalogue_sync',
  properties: {
    id: p.uuid().primary(),
    institutionId: p.uuid().index(),
    year: p.integer(),
    snapshotHash: p.string().length(64),
    rows: p.integer(),
    added: p.integer(),
    changed: p.integer(),
    retired: p.integer(),
    unchanged: p.integer(),
    kept: p.integer(),
    rejectedRows: p.integer(),
    /** The problems of the rejected rows, as answered: the same snapshot again answers them again. */
    rejected: p.json<{ row: number; code: string; programmeCode: string; field: string; message: string }[]>(),
    actorId: p.string().length(200),
    appliedAt: p.datetime(),
  },
});
export type CatalogueSync = InferEntity<typeof CatalogueSync>;
