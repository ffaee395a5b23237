// How long the personal data of a closed application is kept (PIPL art. 19: no longer than the
// purpose needs; art. 28: a child's data is sensitive). The period is policy, so data.
import { addMonths, isCalendarDate } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';

export interface RetentionPolicy {
  readonly years: number;
  readonly effectiveFrom: number;
  readonly basis: string;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  years: 3,
  effectiveFrom: 2026,
  basis:
    'PIPL arts. 19 and 47: delete once the purpose is met. Three years after closing covers appeals and ' +
    'administrative review (行政复议法 art. 20, 60 days; 行政诉讼法 art. 46, 6 months) and transfers during the stage, ' +
    'with margin; a city may set another period.',
};

/** The last day the data may be kept: closedOn plus the policy's years, in calendar months. */
export function retentionEndsOn(closedOn: CalendarDate, policy: RetentionPolicy = DEFAULT_RETENTION_POLICY): CalendarDate {
  if (!isCalendarDate(closedOn)) throw new RangeError(`retentionEndsOn: ${String(closedOn)} is not a date`);
  if (!Number.isInteger(policy.years) || policy.years < 0) throw new RangeError(`retention years must be a whole number, got ${policy.years}`);
  return addMonths(closedOn, policy.years * 12);
}

/** Whether the data must be erased on `today`. */
export function retentionExpired(closedOn: CalendarDate, today: CalendarDate, policy: RetentionPolicy = DEFAULT_RETENTION_POLICY): boolean {
  return today > retentionEndsOn(closedOn, policy);
}
