import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import type { CalendarDate } from '@edugraph/rules';
import { handleMatterCommand, matterClockView, overdueTransition, preparationLapse } from '../domain/matter/index.ts';
import type { AlertState, MatterCommand } from '../domain/matter/index.ts';
import { Matter } from '../entities/matter.entity.ts';
import { loadCatalogue, matterTypeOf } from './matter-catalogue.ts';
import type { Catalogue } from './matter-catalogue.ts';
import { queueMatterEvents, saveState } from './matter-change.ts';
import { stateOf } from './matter.view.ts';

/** The job acts as the law does, not as a person: events name this system actor. */
export const CLOCK_JOB_ACTOR: Actor = { id: 'licensing-clock-job', kind: 'system', roles: [], institutionId: null, office: null, creditCode: null };

export interface ClockJobResult {
  deemedAccepted: number;
  lapsed: number;
  alerts: number;
  preparationsLapsed: number;
  /** Matters another replica changed first (their versions moved): left to it. */
  skipped: number;
}

/**
 * What the law does by itself when days pass, for every matter it concerns:
 * - no correction notice within 5 working days of submission: accepted as of the day it arrived (art. 32);
 * - a 容缺 due date passed with the material still owed: the matter lapses, the commitment is broken;
 * - a clock that became DUE_SOON or OVERDUE: one licensing.matter.overdue per matter and state;
 * - an approved preparation with no establishment application for 3 years: lapsed (实施条例 art. 17).
 * Each matter changes in its own transaction under its row version, so replicas running the job at
 * once change each matter once: the other's write conflicts and it skips that matter.
 */
export async function runMatterClockJob(em: EntityManager, today: CalendarDate): Promise<ClockJobResult> {
  const result: ClockJobResult = { deemedAccepted: 0, lapsed: 0, alerts: 0, preparationsLapsed: 0, skipped: 0 };
  const candidates = await em.fork().find(
    Matter,
    { $or: [{ status: { $in: ['SUBMITTED', 'ACCEPTED_WITH_SHORTFALL'] } }, { dueOn: { $ne: null } }, { typeCode: 'PREPARATION', status: 'APPROVED', preparationLapsedOn: null }] },
    { fields: ['id'] },
  );
  // Types and calendar once per run, not per matter.
  const catalogue = await loadCatalogue(em.fork());
  for (const { id } of candidates) {
    try {
      const outcome = await em.fork().transactional((tx) => advance(tx, id, today, catalogue));
      if (outcome) result[outcome]++;
    } catch (error) {
      if ((error as Error).name !== 'OptimisticLockError') throw error;
      result.skipped++;
    }
  }
  return result;
}

type Outcome = 'deemedAccepted' | 'lapsed' | 'alerts' | 'preparationsLapsed' | null;

async function advance(tx: EntityManager, id: string, today: CalendarDate, catalogue: Catalogue): Promise<Outcome> {
  const row = await tx.findOne(Matter, { id });
  if (!row) return null;
  const type = matterTypeOf(catalogue, row.typeCode);
  const ctx = { actor: CLOCK_JOB_ACTOR, correlationId: `clock-job:${today}:${id}` };
  const apply = (command: MatterCommand, outcome: Outcome): Outcome => {
    const change = handleMatterCommand(stateOf(row), command, { today, calendar: catalogue.calendar, requirements: type });
    if (!change.ok || change.value.events.length === 0) return null;
    saveState(row, change.value.state, catalogue, today);
    queueMatterEvents(tx, ctx, row, type, change.value.events);
    return outcome;
  };
  const state = stateOf(row);
  let outcome: Outcome = null;
  if (state.status === 'SUBMITTED' && !state.correctionNotice) outcome = apply({ type: 'deemedAcceptance' }, 'deemedAccepted');
  else if (state.status === 'ACCEPTED_WITH_SHORTFALL') outcome = apply({ type: 'checkShortfall' }, 'lapsed');
  else if (state.typeCode === 'PREPARATION' && state.status === 'APPROVED' && state.decision) outcome = await lapsePreparation(tx, row, state.decision.decidedOn, today, catalogue.calendar);
  // The clock's alert, after whatever changed above (a deemed acceptance starts a clock that may already be late).
  const view = matterClockView(stateOf(row), today, catalogue.calendar);
  if (view.ok && view.value && view.value.status !== 'STOPPED' && view.value.status !== 'PAUSED') {
    const alert = overdueTransition(row.alertState as AlertState, view.value, row.id);
    if (alert.event) {
      row.alertState = alert.alertState;
      queueMatterEvents(tx, ctx, row, type, [alert.event]);
      outcome ??= 'alerts';
    }
  }
  // Keeps the due-date column true to the calendar as it is now (MikroORM writes only what changed).
  saveState(row, stateOf(row), catalogue, today);
  await tx.flush();
  return outcome;
}

async function lapsePreparation(tx: EntityManager, row: Matter, approvedOn: CalendarDate, today: CalendarDate, calendar: Parameters<typeof preparationLapse>[1]): Promise<Outcome> {
  const establishments = await tx.find(Matter, { typeCode: 'ESTABLISHMENT', applicantCreditCode: row.applicantCreditCode });
  const following = establishments
    .filter((m) => (m.details as { preparationMatterId?: string | null }).preparationMatterId === row.id)
    .map((m) => stateOf(m).submittedOn)
    .filter((d): d is string => d !== null)
    .sort();
  const lapse = preparationLapse({ approvedOn, establishmentSubmittedOn: following[0] ?? null, today }, calendar);
  if (!lapse.lapsed) return null;
  row.preparationLapsedOn = today;
  return 'preparationsLapsed';
}
