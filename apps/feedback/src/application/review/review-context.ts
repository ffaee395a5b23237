import type { EntityManager } from '@mikro-orm/core';
import { createWorkingDayCalendar, todayInShanghai } from '@edugraph/rules';
import type { WorkingDayCalendar } from '@edugraph/rules';
import type { CaseContext } from '../../domain/review/index.ts';
import { reviewPolicyOn } from '../policy-settings.ts';

/**
 * Working days of the repository's holiday table; a year it does not know yet counts weekends only
 * (a deadline there may move by a holiday once the State Council publishes the year).
 */
export const REVIEW_CALENDAR: WorkingDayCalendar = createWorkingDayCalendar({ unknownYear: 'weekends-only', onFallback: () => {} });

/** Today and the rules every 好差评 decision reads, with the numbers in force today. */
export async function loadCaseContext(em: EntityManager, clock: () => Date): Promise<CaseContext> {
  const today = todayInShanghai(clock());
  return { today, calendar: REVIEW_CALENDAR, policy: await reviewPolicyOn(em, today) };
}
