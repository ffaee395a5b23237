import type { ScheduledJob, ServiceInfra } from '@edugraph/platform';

/**
 * Scheduled work of major decisions: none. A comment period closes by the calendar (its state is
 * computed from today when read), so nothing needs to run when it ends.
 */
export function decisionJobs(_infra: ServiceInfra): ScheduledJob[] {
  return [];
}
