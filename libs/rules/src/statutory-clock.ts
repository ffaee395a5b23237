// A statutory time limit on an application (行政许可法): N working days (art. 42, 82) or M calendar
// months from acceptance, paused while hearings, expert review or inspections run (art. 45) and
// extendable once (art. 42).
//
// Counting rules, all in working days of the injected calendar:
// - The acceptance day is not counted: day 1 is the next working day.
// - A pause from P to R (pause(P), resume(R)) takes the working days in (P, R] out of the count:
//   P was a day of work, R is the day the paused procedure ended, counting resumes after it. A pause
//   not yet resumed takes out every working day after P, so the due date is unknown (null) meanwhile.
// - A month limit first becomes a working-day count: the end is acceptance + M months (corresponding
//   day, clamped to month end, 民法典 art. 202), moved to the next working day when it is not one
//   (art. 203); its count is the working days in (acceptance, end]. Pauses then push that end by the
//   paused working days, exactly as for a working-day limit.
// - An extension adds its working days to the count, after all of the above.
// - The due date is the day the count is reached; pauses that begin after it do not move it.
import { addDays, addMonths, assertCalendarDate, compareDates, isCalendarDate, todayInShanghai } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { defaultCalendar } from './working-day-calendar.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

export type ClockLimit = { readonly workingDays: number } | { readonly months: number };
export interface ClockPause {
  readonly from: CalendarDate;
  readonly to: CalendarDate | null;
  readonly reason: string;
}
export interface ClockExtension {
  readonly workingDays: number;
  readonly reason: string;
}
export interface StatutoryClockJSON {
  readonly version: 1;
  readonly acceptedOn: CalendarDate;
  readonly limit: ClockLimit;
  readonly pauses: readonly ClockPause[];
  readonly extension: ClockExtension | null;
  readonly dueSoonWorkingDays: number;
}
export type ClockStatus = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';

export type StatutoryClockErrorCode =
  | 'ALREADY_EXTENDED'
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED'
  | 'DATE_ORDER'
  | 'INVALID_ARGUMENT'
  | 'INVALID_JSON';

export class StatutoryClockError extends Error {
  readonly code: StatutoryClockErrorCode;
  constructor(code: StatutoryClockErrorCode, message: string) {
    super(message);
    this.name = 'StatutoryClockError';
    this.code = code;
  }
}

export interface StartClockOptions {
  readonly acceptedOn: CalendarDate;
  readonly limit: ClockLimit;
  /** Status is DUE_SOON when this many working days or fewer are left; default 3. */
  readonly dueSoonWorkingDays?: number;
  readonly calendar?: WorkingDayCalendar;
}

const DEFAULT_DUE_SOON = 3;

function invalid(message: string): never {
  throw new StatutoryClockError('INVALID_ARGUMENT', message);
}
function checkDate(date: unknown, what: string): CalendarDate {
  if (!isCalendarDate(date)) invalid(`${what} must be a 'YYYY-MM-DD' date, got ${JSON.stringify(date)}`);
  return date;
}
function checkCount(n: unknown, what: string, min: number): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) invalid(`${what} must be an integer >= ${min}, got ${String(n)}`);
  return n;
}
function checkReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '') invalid('a reason is required');
  return reason;
}

export class StatutoryClock {
  readonly acceptedOn: CalendarDate;
  readonly limit: ClockLimit;
  readonly pauses: readonly ClockPause[];
  readonly extension: ClockExtension | null;
  readonly dueSoonWorkingDays: number;
  readonly #calendar: WorkingDayCalendar;

  private constructor(data: Omit<StatutoryClockJSON, 'version'>, calendar: WorkingDayCalendar) {
    this.acceptedOn = data.acceptedOn;
    this.limit = Object.freeze({ ...data.limit });
    this.pauses = Object.freeze(data.pauses.map((p) => Object.freeze({ ...p })));
    this.extension = data.extension ? Object.freeze({ ...data.extension }) : null;
    this.dueSoonWorkingDays = data.dueSoonWorkingDays;
    this.#calendar = calendar;
    Object.freeze(this);
  }

  static start(options: StartClockOptions): StatutoryClock {
    const acceptedOn = checkDate(options.acceptedOn, 'acceptedOn');
    const raw: unknown = options.limit;
    const limit = typeof raw === 'object' && raw !== null ? (raw as Partial<Record<'workingDays' | 'months', unknown>>) : undefined;
    let checked: ClockLimit;
    if (limit && 'workingDays' in limit && !('months' in limit)) checked = { workingDays: checkCount(limit.workingDays, 'limit.workingDays', 1) };
    else if (limit && 'months' in limit && !('workingDays' in limit)) checked = { months: checkCount(limit.months, 'limit.months', 1) };
    else invalid('limit must be { workingDays } or { months }');
    const dueSoonWorkingDays = checkCount(options.dueSoonWorkingDays ?? DEFAULT_DUE_SOON, 'dueSoonWorkingDays', 0);
    return new StatutoryClock(
      { acceptedOn, limit: checked, pauses: [], extension: null, dueSoonWorkingDays },
      options.calendar ?? defaultCalendar,
    );
  }

  /** Rebuilds a stored clock by replaying it, so stored data passes the same checks as live calls. */
  static fromJSON(json: unknown, calendar: WorkingDayCalendar = defaultCalendar): StatutoryClock {
    try {
      const data = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<StatutoryClockJSON> | null;
      if (!data || typeof data !== 'object' || data.version !== 1) invalid('expected a version 1 clock object');
      if (!Array.isArray(data.pauses)) invalid('pauses must be an array');
      let clock = StatutoryClock.start({
        acceptedOn: data.acceptedOn as CalendarDate,
        limit: data.limit as ClockLimit,
        dueSoonWorkingDays: data.dueSoonWorkingDays as number,
        calendar,
      });
      for (const [i, pause] of data.pauses.entries()) {
        if (!pause || typeof pause !== 'object') invalid(`pause ${i} is not an object`);
        clock = clock.pause(pause.from, pause.reason);
        if (pause.to !== null) clock = clock.resume(pause.to);
      }
      if (data.extension !== null) clock = clock.extend(data.extension as ClockExtension);
      return clock;
    } catch (error) {
      if (error instanceof StatutoryClockError || error instanceof SyntaxError) {
        throw new StatutoryClockError('INVALID_JSON', `Stored statutory clock is invalid: ${error.message}`);
      }
      throw error;
    }
  }

  toJSON(): StatutoryClockJSON {
    return {
      version: 1,
      acceptedOn: this.acceptedOn,
      limit: { ...this.limit },
      pauses: this.pauses.map((p) => ({ ...p })),
      extension: this.extension ? { ...this.extension } : null,
      dueSoonWorkingDays: this.dueSoonWorkingDays,
    };
  }

  get isPaused(): boolean {
    return this.#openPause() !== undefined;
  }

  pause(date: CalendarDate, reason: string): StatutoryClock {
    checkDate(date, 'pause date');
    checkReason(reason);
    if (this.isPaused) throw new StatutoryClockError('ALREADY_PAUSED', 'The clock is already paused');
    const last = this.pauses.at(-1);
    if (compareDates(date, this.acceptedOn) < 0) throw new StatutoryClockError('DATE_ORDER', `Pause ${date} is before acceptance ${this.acceptedOn}`);
    if (last?.to && compareDates(date, last.to) < 0) throw new StatutoryClockError('DATE_ORDER', `Pause ${date} is before the last resumption ${last.to}`);
    return this.#with({ pauses: [...this.pauses, { from: date, to: null, reason }] });
  }

  resume(date: CalendarDate): StatutoryClock {
    checkDate(date, 'resume date');
    const open = this.#openPause();
    if (!open) throw new StatutoryClockError('NOT_PAUSED', 'The clock is not paused');
    if (compareDates(date, open.from) < 0) throw new StatutoryClockError('DATE_ORDER', `Resumption ${date} is before the pause ${open.from}`);
    return this.#with({ pauses: [...this.pauses.slice(0, -1), { ...open, to: date }] });
  }

  extend(extension: ClockExtension): StatutoryClock {
    if (this.extension) throw new StatutoryClockError('ALREADY_EXTENDED', 'The time limit can be extended only once');
    const workingDays = checkCount(extension?.workingDays, 'extension.workingDays', 1);
    return this.#with({ extension: { workingDays, reason: checkReason(extension.reason) } });
  }

  /** The last day of the limit; null while a pause that began before it is still open. */
  dueDate(): CalendarDate | null {
    const total = this.#totalWorkingDays();
    const open = this.#openPause();
    let day = this.acceptedOn;
    for (let counted = 0; counted < total; ) {
      day = addDays(day, 1);
      if (open && day > open.from) return null;
      if (this.#counts(day)) counted++;
    }
    return day;
  }

  /**
   * Counted working days from `on` (exclusive) to the due date: 0 on the due date, negative once
   * overdue. While paused the number stays what it was on the day of the pause.
   */
  workingDaysLeft(on: CalendarDate = todayInShanghai()): number {
    assertCalendarDate(on);
    const open = this.#openPause();
    const until = open && on > open.from ? open.from : on;
    let counted = 0;
    for (let day = this.acceptedOn; day < until; ) {
      day = addDays(day, 1);
      if (this.#counts(day)) counted++;
    }
    return this.#totalWorkingDays() - counted;
  }

  status(on: CalendarDate = todayInShanghai()): ClockStatus {
    assertCalendarDate(on);
    const due = this.dueDate();
    // Decided from the due date first, so an old overdue clock needs no calendar beyond its due date.
    if (due !== null && on > due) return 'OVERDUE';
    const left = this.workingDaysLeft(on);
    if (left < 0) return 'OVERDUE';
    return left <= this.dueSoonWorkingDays ? 'DUE_SOON' : 'ON_TIME';
  }

  #openPause(): ClockPause | undefined {
    const last = this.pauses.at(-1);
    return last && last.to === null ? last : undefined;
  }

  #counts(day: CalendarDate): boolean {
    if (!this.#calendar.isWorkingDay(day)) return false;
    return !this.pauses.some((p) => day > p.from && (p.to === null || day <= p.to));
  }

  #totalWorkingDays(): number {
    const base =
      'workingDays' in this.limit
        ? this.limit.workingDays
        : this.#calendar.workingDaysBetween(
            this.acceptedOn,
            this.#calendar.onOrAfterWorkingDay(addMonths(this.acceptedOn, this.limit.months)),
          );
    return base + (this.extension?.workingDays ?? 0);
  }

  #with(change: Partial<Omit<StatutoryClockJSON, 'version'>>): StatutoryClock {
    return new StatutoryClock({ ...this.toJSON(), ...change }, this.#calendar);
  }
}
