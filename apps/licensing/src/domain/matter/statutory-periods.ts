// Time limits that are not a matter's own decision limit, as data with the article that sets them,
// so the published lists and the clocks quote the same source.
import type { ClockLimit } from '@edugraph/rules';

export interface StatutoryPeriod {
  readonly limit: ClockLimit;
  readonly legalBasis: string;
}

const LICENSING_LAW = '《中华人民共和国行政许可法》';

/** One notice naming every missing material within 5 working days, or the application counts as accepted on arrival. */
export const PRE_REVIEW_PERIOD: StatutoryPeriod = { limit: { workingDays: 5 }, legalBasis: `${LICENSING_LAW}第三十二条` };

/** The licence (or other approval document) is issued within 10 working days of the approval. */
export const LICENCE_ISSUE_PERIOD: StatutoryPeriod = { limit: { workingDays: 10 }, legalBasis: `${LICENSING_LAW}第四十四条` };

/** The 20-working-day decision limit may be extended once by 10, with the head's written reason. */
export const DECISION_EXTENSION = { workingDays: 10, legalBasis: `${LICENSING_LAW}第四十二条` } as const;

/** A preparation approval lapses when no formal-establishment application follows within 3 years. */
export const PREPARATION_LAPSE_PERIOD = { years: 3, legalBasis: '《中华人民共和国民办教育促进法实施条例》第十七条' } as const;
