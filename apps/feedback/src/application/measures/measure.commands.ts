// Use cases of 督促落实: the optimisation office records a measure, its owner reports progress, the
// supervision office inspects. Each loads, asks the domain, saves under the row version (two staff at
// once: the second is refused with CONFLICT) and emits its event in the same transaction.
import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import type { Actor } from '@edugraph/auth';
import { emitEvent } from '@edugraph/events';
import { newId } from '@edugraph/persistence';
import { AppError, idInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { Result } from '@edugraph/rules';
import { SUPERVISION_OFFICE } from '../../domain/offices.ts';
import { DEFAULT_MEASURE_POLICY, createMeasure as newMeasure, recordInspection, reportProgress } from '../../domain/measures/index.ts';
import type { InspectionResult, Measure, MeasureContext, MeasureError } from '../../domain/measures/index.ts';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';
import { MeasureRecord } from '../../entities/measure.entities.ts';
import { OPTIMISATION_OFFICE, measureContext } from './measure-context.ts';

export type MeasureUseCaseContext = UseCaseContext & { clock: () => Date };

const max = DEFAULT_MEASURE_POLICY.maxTextLength;
const line = (limit: number) => textInput({ max: limit });
const text = (limit: number) => textInput({ max: limit, multiline: true });
const optionalText = (limit: number) =>
  z
    .string()
    .nullish()
    .transform((v) => v ?? null)
    .pipe(text(limit).nullable());
const optionalLine = (limit: number) =>
  z
    .string()
    .nullish()
    .transform((v) => v ?? null)
    .pipe(line(limit).nullable());

const createInput = z.object({
  title: line(DEFAULT_MEASURE_POLICY.maxTitleLength),
  planRef: optionalLine(40),
  ownerOffice: optionalLine(40),
  ownerInstitutionId: optionalLine(60),
  dueOn: line(20),
  expectedResult: text(max),
});
const progressInput = z.object({ measureId: idInput(), note: text(max), evidence: optionalText(max), reason: optionalText(max) });
const inspectionInput = z.object({ measureId: idInput(), findings: text(max) });

export interface CreateMeasureInput {
  title: string;
  planRef?: string | null;
  ownerOffice?: string | null;
  ownerInstitutionId?: string | null;
  dueOn: string;
  expectedResult: string;
}

function refusal(result: { ok: false; error: { code: string; message: string } }): AppError {
  return new AppError(result.error.code, `${result.error.message}.`);
}

function isConflict(error: unknown): boolean {
  return (error as Error)?.name === 'OptimisticLockError';
}

const ownerFields = (r: MeasureRecord) => ({ measureId: r.id, ownerKind: r.ownerKind as 'OFFICE' | 'INSTITUTION', owner: r.owner });
const ref = (ctx: UseCaseContext, r: MeasureRecord) => ({ actor: ctx.actor, correlationId: ctx.correlationId, aggregateType: 'Measure', aggregateId: r.id });

function columnsOf(m: Measure) {
  return {
    title: m.title,
    ownerKind: m.owner.kind,
    owner: m.owner.key,
    dueOn: m.dueOn,
    status: m.status,
    percent: m.percent,
    completedOn: m.completedOn,
    lastResult: m.inspections.at(-1)?.result ?? null,
    announced: m.announced,
  };
}

/** Copies the domain's state and the columns lists filter and count on. */
export function saveMeasure(record: MeasureRecord, m: Measure): void {
  Object.assign(record, { ...columnsOf(m), state: m });
}

/** Only the optimisation office (BUREAU_STAFF of POLICY_LAW) records the plan's measures. */
export async function createMeasure(ctx: MeasureUseCaseContext, raw: CreateMeasureInput): Promise<MeasureRecord> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'record a measure');
  if (ctx.actor.office !== OPTIMISATION_OFFICE) throw new AppError('FORBIDDEN', `Only the optimisation office (staff of ${OPTIMISATION_OFFICE}) may record the plan's measures.`);
  const input = parseInput(createInput, raw);
  const created = newMeasure(input, measureContext(ctx.clock));
  if (!created.ok) throw refusal(created);
  return ctx.em.fork().transactional(async (tx) => {
    const m = created.value;
    if (m.owner.kind === 'INSTITUTION' && !(await tx.findOne(KnownInstitution, { institutionId: m.owner.key }))) {
      throw new AppError('NOT_FOUND', 'No school with this institution id is known: give a registered institution’s id.');
    }
    const record = tx.create(MeasureRecord, { id: newId(), ...columnsOf(m), state: m });
    emitEvent(tx, { ...ref(ctx, record), type: 'feedback.measure.created', payload: { ...ownerFields(record), planRef: m.planRef, dueOn: m.dueOn } });
    await tx.flush();
    return record;
  });
}


/** The owner: staff of the owning office, or the owning school's staff. */
export function isOwner(actor: Actor, record: Pick<MeasureRecord, 'ownerKind' | 'owner'>): boolean {
  if (record.ownerKind === 'OFFICE') return actor.roles.includes('BUREAU_STAFF') && actor.office === record.owner;
  return actor.roles.includes('INSTITUTION_STAFF') && actor.institutionId?.toLowerCase() === record.owner;
}

async function changeMeasure(
  ctx: MeasureUseCaseContext,
  measureId: string,
  authorise: (record: MeasureRecord) => void,
  step: (state: Measure, mc: MeasureContext) => Result<Measure, MeasureError>,
  announce: (tx: EntityManager, record: MeasureRecord, before: Measure) => void,
): Promise<MeasureRecord> {
  const mc = measureContext(ctx.clock);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const record = await tx.findOne(MeasureRecord, { id: measureId });
      if (!record) throw new AppError('NOT_FOUND', 'No measure with this id.');
      authorise(record);
      const before = record.state;
      const next = step(before, mc);
      if (!next.ok) throw refusal(next);
      saveMeasure(record, next.value);
      announce(tx, record, before);
      await tx.flush();
      return record;
    });
  } catch (error) {
    if (isConflict(error)) throw new AppError('CONFLICT', 'Someone changed this measure at the same moment; reload it and try again.');
    throw error;
  }
}

export interface ReportProgressArgs {
  measureId: string;
  percent: number;
  note: string;
  evidence?: string | null;
  reason?: string | null;
}

/** The owner reports progress: a whole percent 0–100, never backwards without a reason, 100 % with evidence. */
export function reportMeasureProgress(ctx: MeasureUseCaseContext, args: ReportProgressArgs): Promise<MeasureRecord> {
  requireRole(ctx.actor, ['BUREAU_STAFF', 'INSTITUTION_STAFF'], 'report progress on a measure');
  const input = parseInput(progressInput, args);
  return changeMeasure(
    ctx,
    input.measureId,
    (r) => {
      if (!isOwner(ctx.actor, r)) {
        const who = r.ownerKind === 'OFFICE' ? `staff of ${r.owner}, the office responsible` : "the responsible school's own staff";
        throw new AppError('FORBIDDEN', `Only the measure's owner (${who}) may report its progress.`);
      }
    },
    (state, mc) => reportProgress(state, { percent: args.percent, note: input.note, evidence: input.evidence, reason: input.reason, by: ctx.actor.id }, mc),
    (tx, r, before) =>
      emitEvent(tx, {
        ...ref(ctx, r),
        type: 'feedback.measure.progress-reported',
        payload: { ...ownerFields(r), percent: r.state.percent, previousPercent: before.percent, backwards: r.state.percent < before.percent, completed: r.state.percent === 100, reportedOn: r.state.progress.at(-1)!.reportedOn },
      }),
  );
}

/** The supervision office (BUREAU_STAFF of SUPERVISION), and no one else, records inspections. */
export function recordMeasureInspection(ctx: MeasureUseCaseContext, args: { measureId: string; result: InspectionResult; findings: string }): Promise<MeasureRecord> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'record an inspection');
  if (ctx.actor.office !== SUPERVISION_OFFICE) throw new AppError('FORBIDDEN', `Only the supervision office (staff of ${SUPERVISION_OFFICE}) may record an inspection of a measure.`);
  const input = parseInput(inspectionInput, args);
  return changeMeasure(
    ctx,
    input.measureId,
    () => {},
    (state, mc) => recordInspection(state, { result: args.result, findings: input.findings, by: ctx.actor.id }, mc),
    (tx, r) =>
      emitEvent(tx, {
        ...ref(ctx, r),
        type: 'feedback.measure.inspected',
        payload: { ...ownerFields(r), result: args.result, inspectedOn: r.state.inspections.at(-1)!.inspectedOn, closed: r.state.status === 'CLOSED' },
      }),
  );
}
