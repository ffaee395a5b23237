import type { ScheduledJob, ServiceInfra } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { runReportDeadlinesJob } from './report-deadlines.job.ts';
import { reportCalendarFor } from './report-calendar.ts';

/** How often reply deadlines are looked at. */
const REPORT_DEADLINE_JOB_EVERY_MS = 60_000;

/** Scheduled work of reports (overdue replies). */
export function reportJobs(infra: ServiceInfra): ScheduledJob[] {
  const calendar = reportCalendarFor(infra);
  return [{ name: 'report-deadlines', everyMs: REPORT_DEADLINE_JOB_EVERY_MS, run: () => runReportDeadlinesJob(infra.orm.em, todayInShanghai(infra.clock()), calendar) }];
}
