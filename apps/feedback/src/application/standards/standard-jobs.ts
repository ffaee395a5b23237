import type { ScheduledJob, ServiceInfra } from '@edugraph/platform';

/**
 * Scheduled work of service standards: none. A version comes into force by its date, which every
 * read works out from today; nothing has to be switched over on the day.
 */
export function standardJobs(_infra: ServiceInfra): ScheduledJob[] {
  return [];
}
