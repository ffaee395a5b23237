import type { ServiceInfra } from '@edugraph/platform';
import type { WorkingDayCalendar } from '@edugraph/rules';
import { reportCalendar } from '../../domain/reports/index.ts';

/**
 * The calendar report deadlines are counted on. A year whose holidays are not published yet counts
 * weekends only: logged once per year, and the report's `dueOnProvisional` says so.
 */
export function reportCalendarFor(infra: Pick<ServiceInfra, 'logger'>): WorkingDayCalendar {
  return reportCalendar((year) => infra.logger.warn({ year }, `reports: no holiday arrangement known for ${year}; deadlines there count weekends only until it is added`));
}
