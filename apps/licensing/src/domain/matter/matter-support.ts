// Helpers the command handlers share: material bookkeeping, calendar failures as refusals, event shapes.
import { CalendarYearUnknownError, StatutoryClock, StatutoryClockError, isCalendarDate } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import { requiredMaterials } from './matter-types.ts';
import type { RequiredMaterial } from './matter-materials.ts';
import type { MatterChange, MatterContext, MatterEvent, MatterEventType, MatterRefusalCode, MatterState } from './matter-state.ts';

export type MatterResult = Result<MatterChange, MatterRefusalCode>;

export const refuse = (code: MatterRefusalCode, message: string, details?: Readonly<Record<string, string | number>>): MatterResult =>
  fail(code, message, details);

export const changed = (state: MatterState, events: readonly MatterEvent[] = []): MatterResult => ok({ state, events });

export const event = (type: MatterEventType, payload: Record<string, unknown>): MatterEvent => ({ type, payload });

export const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';

export function materialsOf(state: MatterState, ctx: MatterContext): readonly RequiredMaterial[] {
  return requiredMaterials(ctx.requirements, state.preparedUnder ?? state.institutionId);
}

export function isAttached(state: MatterState, code: string): boolean {
  return state.materials.some((m) => m.code === code);
}

export function missingMaterials(state: MatterState, ctx: MatterContext, onlyKey = false): string[] {
  return materialsOf(state, ctx)
    .filter((m) => (!onlyKey || m.key) && !isAttached(state, m.code))
    .map((m) => m.code);
}

export function belongsToType(state: MatterState, ctx: MatterContext, code: string): boolean {
  return materialsOf(state, ctx).some((m) => m.code === code);
}

export function checkDate(date: unknown, what: string): MatterResult | null {
  return isCalendarDate(date) ? null : refuse('INVALID_ARGUMENT', `${what} must be a 'YYYY-MM-DD' date, got ${JSON.stringify(date)}`);
}

/** Runs clock and calendar work, turning their exceptions into refusals the caller can show. */
export function guarded(work: () => MatterResult): MatterResult {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarYearUnknownError) return refuse('CALENDAR_YEAR_UNKNOWN', error.message, { year: error.year });
    if (error instanceof StatutoryClockError) {
      const code = error.code === 'INVALID_JSON' || error.code === 'INVALID_ARGUMENT' ? 'INVALID_ARGUMENT' : error.code;
      return refuse(code, error.message);
    }
    throw error;
  }
}

/** A date that is only informative (in an event) is null rather than a refusal when a year is unpublished. */
export function unlessYearUnknown<T>(work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarYearUnknownError) return null;
    throw error;
  }
}

export function loadClock(state: MatterState, ctx: MatterContext): StatutoryClock {
  if (!state.clock) throw new StatutoryClockError('INVALID_JSON', `Matter ${state.id} has no decision clock`);
  return StatutoryClock.fromJSON(state.clock, ctx.calendar);
}

/** The last day a correction notice may be issued: 5 working days, the day of arrival not counted. */
export function noticeDeadline(submittedOn: CalendarDate, ctx: MatterContext, noticeWorkingDays: number): CalendarDate {
  return ctx.calendar.addWorkingDays(submittedOn, noticeWorkingDays);
}

/** Every closed matter announces itself once, whatever closed it, so consumers need one subscription. */
export function completed(state: MatterState, outcome: string, on: CalendarDate): MatterEvent {
  return event('licensing.matter.completed', {
    matterId: state.id,
    typeCode: state.typeCode,
    creditCode: state.applicant.creditCode,
    institutionId: state.institutionId,
    outcome,
    completedOn: on,
  });
}

/** A material that arrives is no longer owed; with nothing owed the matter carries on where it was. */
export function clearShortfallItem(state: MatterState, code: string): MatterState {
  const shortfall = state.shortfall.filter((s) => s.material !== code);
  if (shortfall.length > 0) return { ...state, shortfall };
  return { ...state, shortfall, status: state.reviewStarted ? 'UNDER_REVIEW' : 'ACCEPTED' };
}
