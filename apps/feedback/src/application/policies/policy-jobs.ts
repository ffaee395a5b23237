import type { ScheduledJob, ServiceInfra } from '@edugraph/platform';

/** Scheduled work of policies: none (publishing is one step; search needs no upkeep). */
export function policyJobs(_infra: ServiceInfra): ScheduledJob[] {
  return [];
}
