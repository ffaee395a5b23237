// A preparation approval (筹设批准) lapses when no formal-establishment application follows within 3
// years (民办教育促进法实施条例 art. 17). A period in years ends on the corresponding day (民法典 art. 202)
// and, when that is not a working day, on the next working day (art. 203).
import { addMonths } from '@edugraph/rules';
import type { CalendarDate, WorkingDayCalendar } from '@edugraph/rules';
import { PREPARATION_LAPSE_PERIOD } from './statutory-periods.ts';

export interface PreparationLapseInput {
  readonly approvedOn: CalendarDate;
  /** When the establishment matter was submitted; null when there is none. */
  readonly establishmentSubmittedOn: CalendarDate | null;
  readonly today: CalendarDate;
}

export interface PreparationLapse {
  readonly lapsed: boolean;
  /** The last day an establishment application keeps the approval alive. */
  readonly lastDay: CalendarDate;
  readonly legalBasis: string;
}

export function preparationLapse(input: PreparationLapseInput, calendar: WorkingDayCalendar): PreparationLapse {
  const lastDay = calendar.onOrAfterWorkingDay(addMonths(input.approvedOn, PREPARATION_LAPSE_PERIOD.years * 12));
  const appliedInTime = input.establishmentSubmittedOn !== null && input.establishmentSubmittedOn <= lastDay;
  return { lapsed: !appliedInTime && input.today > lastDay, lastDay, legalBasis: PREPARATION_LAPSE_PERIOD.legalBasis };
}
