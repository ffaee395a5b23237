import { todayInShanghai } from '@edugraph/rules';
import { DEFAULT_MEASURE_POLICY } from '../../domain/measures/index.ts';
import type { MeasureContext } from '../../domain/measures/index.ts';
import { REVIEW_CALENDAR } from '../review/review-context.ts';

/** Today and the rules every 督促落实 decision reads (the bureau's working-day calendar). */
export function measureContext(clock: () => Date): MeasureContext {
  return { today: todayInShanghai(clock()), calendar: REVIEW_CALENDAR, policy: DEFAULT_MEASURE_POLICY };
}

/** The optimisation office (优化办) sits in the policy and law office: it records the plan's measures. */
export const OPTIMISATION_OFFICE = 'POLICY_LAW';
