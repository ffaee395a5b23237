import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';
import type { Measure } from '../domain/measures/index.ts';

/** A measure of the plan; its state is the domain's Measure, with columns to filter and count on. */
export const MeasureRecord = defineEntity({
  name: 'MeasureRecord',
  tableName: 'measure',
  properties: {
    ...baseProperties(),
    title: p.string().length(200),
    /** OFFICE or INSTITUTION. */
    ownerKind: p.string().length(12),
    /** The office code or the school's institution id. */
    owner: p.string().length(40).index(),
    dueOn: p.string().length(10).index(),
    status: p.string().length(12).index(),
    percent: p.integer(),
    completedOn: p.string().length(10).nullable(),
    /** The last inspection's result; null until inspected. */
    lastResult: p.string().length(12).nullable(),
    /** The last clock state announced (DUE_SOON, OVERDUE); null before any. */
    announced: p.string().length(10).nullable(),
    state: p.json<Measure>(),
  },
});
export type MeasureRecord = InferEntity<typeof MeasureRecord>;

/**
 * Overdue work another part of the platform raised for an office (a licensing matter, a bad-review
 * case, a report's reply): one row per source aggregate and state (`sourceKey`).
 */
export const SupervisionItemRecord = defineEntity({
  name: 'SupervisionItemRecord',
  tableName: 'supervision_item',
  properties: {
    id: p.uuid().primary(),
    sourceKey: p.string().length(120).unique(),
    /** LICENSING_MATTER, REVIEW_CASE or REPORT. */
    source: p.string().length(20),
    sourceId: p.uuid(),
    office: p.string().length(40).index(),
    /** DUE_SOON or OVERDUE. */
    state: p.string().length(10),
    dueOn: p.string().length(10).nullable(),
    /** The day (Asia/Shanghai) the source announced it. */
    recordedOn: p.string().length(10).index(),
    eventType: p.string().length(60),
    eventId: p.uuid(),
    createdAt: p.datetime(),
  },
});
export type SupervisionItemRecord = InferEntity<typeof SupervisionItemRecord>;

export const measureEntities = [MeasureRecord, SupervisionItemRecord];
