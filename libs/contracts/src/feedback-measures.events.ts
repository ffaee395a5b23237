import { z } from 'zod';

const date = z.iso.date();
const owner = {
  measureId: z.uuid(),
  /** OFFICE: `owner` is an office code; INSTITUTION: a school's institution id. */
  ownerKind: z.enum(['OFFICE', 'INSTITUTION']),
  owner: z.string().min(1),
};

/** The optimisation office recorded a measure of the plan. */
export const measureCreatedV1 = z.object({ ...owner, planRef: z.string().min(1).nullable(), dueOn: date });

/** The owner reported progress; `backwards` when it fell (a reason is on record), `completed` at 100 %. */
export const measureProgressReportedV1 = z.object({
  ...owner,
  percent: z.number().int().min(0).max(100),
  previousPercent: z.number().int().min(0).max(100),
  backwards: z.boolean(),
  completed: z.boolean(),
  reportedOn: date,
});

/** The supervision office inspected the measure; MET closes it. */
export const measureInspectedV1 = z.object({ ...owner, result: z.enum(['MET', 'PARTLY_MET', 'NOT_MET']), inspectedOn: date, closed: z.boolean() });

/** A measure's deadline turned DUE_SOON or OVERDUE while open; once per measure and state. */
export const measureOverdueV1 = z.object({ ...owner, status: z.enum(['DUE_SOON', 'OVERDUE']), dueOn: date, percent: z.number().int().min(0).max(100) });

/** Overdue work elsewhere became a supervision item of an office (once per source aggregate and state). */
export const supervisionItemRecordedV1 = z.object({
  itemId: z.uuid(),
  source: z.enum(['LICENSING_MATTER', 'REVIEW_CASE', 'REPORT']),
  sourceId: z.uuid(),
  office: z.string().min(1),
  state: z.enum(['DUE_SOON', 'OVERDUE']),
  dueOn: date.nullable(),
});

export const feedbackMeasureEvents = {
  'feedback.measure.created': { 1: measureCreatedV1 },
  'feedback.measure.progress-reported': { 1: measureProgressReportedV1 },
  'feedback.measure.inspected': { 1: measureInspectedV1 },
  'feedback.measure.overdue': { 1: measureOverdueV1 },
  'feedback.supervision-item.recorded': { 1: supervisionItemRecordedV1 },
} as const;
