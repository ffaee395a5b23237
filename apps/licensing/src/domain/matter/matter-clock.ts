// What the office and leadership see of a matter's clocks: the decision clock and the licence-issue clock.
import { CalendarYearUnknownError, StatutoryClock } from '@edugraph/rules';
import type { CalendarDate, ClockStatus, WorkingDayCalendar } from '@edugraph/rules';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import { LICENCE_ISSUE_PERIOD } from './statutory-periods.ts';
import type { MatterType } from './matter-types.ts';
import type { MatterEvent, MatterState } from './matter-state.ts';

export type MatterClockStatus = ClockStatus | 'PAUSED' | 'STOPPED';

export interface MatterClockView {
  readonly acceptedOn: CalendarDate;
  /** Null while a pause is open: the end of the paused procedure is not known yet. */
  readonly dueOn: CalendarDate | null;
  readonly remainingWorkingDays: number;
  readonly status: MatterClockStatus;
  /** True when a year the clock spans is counted as weekends only: the State Council has not published it. */
  readonly provisional: boolean;
  readonly pauses: readonly { readonly reason: string; readonly from: CalendarDate; readonly to: CalendarDate | null }[];
  readonly extended: boolean;
}

export type ClockViewErrorCode = 'CALENDAR_YEAR_UNKNOWN';

/** The day the matter left the clock's hands, if it did. */
function stoppedOn(state: MatterState): CalendarDate | null {
  return state.decision?.decidedOn ?? state.withdrawnOn ?? state.lapsedOn ?? null;
}

function spansUnpublishedYear(from: CalendarDate, to: CalendarDate, calendar: WorkingDayCalendar): boolean {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (calendar.sourceOf(year) === 'weekends-only') return true;
  }
  return false;
}

function calendarFailure(error: unknown): Result<never, ClockViewErrorCode> {
  if (error instanceof CalendarYearUnknownError) return fail('CALENDAR_YEAR_UNKNOWN', error.message, { year: error.year });
  throw error;
}

/** Null when the matter has no decision clock (not accepted yet, or a filing). */
export function matterClockView(state: MatterState, today: CalendarDate, calendar: WorkingDayCalendar): Result<MatterClockView | null, ClockViewErrorCode> {
  if (!state.clock) return ok(null);
  try {
    const clock = StatutoryClock.fromJSON(state.clock, calendar);
    const stopped = stoppedOn(state);
    const asOf = stopped !== null && stopped < today ? stopped : today;
    const dueOn = clock.dueDate();
    const status: MatterClockStatus = stopped !== null ? 'STOPPED' : clock.isPaused ? 'PAUSED' : clock.status(asOf);
    const lastDay = dueOn !== null && dueOn > asOf ? dueOn : asOf;
    return ok({
      acceptedOn: clock.acceptedOn,
      dueOn,
      remainingWorkingDays: clock.workingDaysLeft(asOf),
      status,
      provisional: spansUnpublishedYear(clock.acceptedOn, lastDay, calendar),
      pauses: clock.pauses.map(({ reason, from, to }) => ({ reason, from, to })),
      extended: clock.extension !== null,
    });
  } catch (error) {
    return calendarFailure(error);
  }
}

export type AlertState = 'NONE' | 'DUE_SOON' | 'OVERDUE';

/**
 * Whether to tell leadership and the feedback service: once when a matter becomes due soon, once when it
 * becomes overdue. An extension that makes it ON_TIME again does not re-arm the alert it already raised.
 */
export function overdueTransition(previous: AlertState, view: MatterClockView, matterId: string): { alertState: AlertState; event: MatterEvent | null } {
  const raise = (view.status === 'OVERDUE' && previous !== 'OVERDUE') || (view.status === 'DUE_SOON' && previous === 'NONE');
  if (!raise) return { alertState: previous, event: null };
  const alertState = view.status as 'DUE_SOON' | 'OVERDUE';
  return {
    alertState,
    event: { type: 'licensing.matter.overdue', payload: { matterId, status: alertState, dueOn: view.dueOn, remainingWorkingDays: view.remainingWorkingDays } },
  };
}

export interface LicenceIssueView {
  readonly approvedOn: CalendarDate;
  readonly dueOn: CalendarDate;
  readonly remainingWorkingDays: number;
  readonly status: ClockStatus | 'STOPPED';
  readonly provisional: boolean;
  readonly legalBasis: string;
}

/** The second clock: the licence is due 10 working days after approval (art. 44). Null where none is issued. */
export function licenceIssueView(
  state: MatterState,
  type: MatterType,
  today: CalendarDate,
  calendar: WorkingDayCalendar,
  issuedOn: CalendarDate | null = null,
): Result<LicenceIssueView | null, ClockViewErrorCode> {
  if (state.status !== 'APPROVED' || !state.decision || !type.issuesLicence) return ok(null);
  try {
    const approvedOn = state.decision.decidedOn;
    const clock = StatutoryClock.start({ acceptedOn: approvedOn, limit: LICENCE_ISSUE_PERIOD.limit, calendar });
    const dueOn = clock.dueDate() as CalendarDate; // never paused, so always known
    const asOf = issuedOn !== null && issuedOn < today ? issuedOn : today;
    return ok({
      approvedOn,
      dueOn,
      remainingWorkingDays: clock.workingDaysLeft(asOf),
      status: issuedOn !== null ? 'STOPPED' : clock.status(asOf),
      provisional: spansUnpublishedYear(approvedOn, dueOn > asOf ? dueOn : asOf, calendar),
      legalBasis: LICENCE_ISSUE_PERIOD.legalBasis,
    });
  } catch (error) {
    return calendarFailure(error);
  }
}
