// @edugraph/rules: pure regulatory rules shared by every service. No I/O.
export type { Result, RuleError } from './result.ts';
export { ok, fail } from './result.ts';

export { validateResidentId, maskResidentId, residentIdCheckCharacter } from './resident-id.ts';
export type { ResidentId, ResidentIdErrorCode, ValidateResidentIdOptions } from './resident-id.ts';

export { validateCreditCode, creditCodeCheckCharacter } from './credit-code.ts';
export type { CreditCode, CreditCodeErrorCode } from './credit-code.ts';
export { CREDIT_CODE_AUTHORITIES } from './credit-code-authorities.ts';
export type { CreditCodeAuthority } from './credit-code-authorities.ts';

export { todayInShanghai, isCalendarDate, addDays, addMonths, dayOfWeek, InvalidCalendarDateError } from './calendar-date.ts';
export type { CalendarDate } from './calendar-date.ts';

export {
  createWorkingDayCalendar,
  defaultCalendar,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  chineseDaysYears,
  CalendarYearUnknownError,
} from './working-day-calendar.ts';
export type { WorkingDayCalendar, WorkingDayCalendarOptions, UnknownYearPolicy, YearSource } from './working-day-calendar.ts';
export { HOLIDAY_OVERRIDES } from './holiday-overrides.ts';
export type { HolidayOverrides, YearArrangement } from './holiday-overrides.ts';

export { StatutoryClock, StatutoryClockError } from './statutory-clock.ts';
export type {
  ClockLimit,
  ClockPause,
  ClockExtension,
  ClockStatus,
  StartClockOptions,
  StatutoryClockErrorCode,
  StatutoryClockJSON,
} from './statutory-clock.ts';

export { fen, yuan, addFen, subtractFen, multiplyFen, sumFen, splitFen, formatYuan, MoneyError } from './money.ts';
export type { Fen } from './money.ts';

export { hmacSha256Hex, hmacSha256HexWith } from './keyed-hash.ts';

export { INSTITUTION_LEVELS, OWNERSHIPS } from './institution-kinds.ts';
export type { InstitutionLevel, Ownership } from './institution-kinds.ts';

export { normaliseText, checkText, characterCount, nameKey } from './text.ts';
export type { TextShape, TextLimits, TextErrorCode } from './text.ts';
export { isUuid, lookupIds, lookupKey } from './uuid.ts';
