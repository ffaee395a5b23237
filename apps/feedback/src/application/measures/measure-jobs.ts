import type { ScheduledJob, ServiceInfra } from '@edugraph/platform';
import { measureClockJob } from './measure-clock.job.ts';

/** Scheduled work of measures: deadline warnings (DUE_SOON, OVERDUE), once per measure and state. */
export function measureJobs(infra: ServiceInfra): ScheduledJob[] {
  return [measureClockJob(infra.orm, infra.clock)];
}
