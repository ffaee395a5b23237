// When an application's purpose is met: its admission cycle ends after the autumn term's first
// months, once late placements and waitlists are settled. Policy, so data a city may change.
import type { CalendarDate } from '@edugraph/rules';

export interface AdmissionCyclePolicy {
  /** Month and day, in the application's school year, after which it is closed (MM-DD). */
  readonly endsOn: string;
  readonly basis: string;
}

export const DEFAULT_ADMISSION_CYCLE: AdmissionCyclePolicy = {
  endsOn: '12-31',
  basis: 'Waitlists and late placements of a school year are settled by the end of the calendar year its autumn term starts in.',
};

/** Whether the admission cycle of `year` is over on `today`. */
export function admissionCycleOver(year: number, today: CalendarDate, policy: AdmissionCyclePolicy = DEFAULT_ADMISSION_CYCLE): boolean {
  return today > `${year}-${policy.endsOn}`;
}
