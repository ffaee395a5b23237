import { characterCount } from '@edugraph/rules';

/** The five levels of 政务服务“好差评”, best first. */
export const EVALUATION_LEVELS: Record<number, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** The bottom two levels are a bad review (差评). */
export function isBadReview(score: number): boolean {
  return score <= 2;
}

export function checkRating(r: { score: number; serviceItem: string; comment: string | null; matterId: string | null }): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(r.score) || r.score < 1 || r.score > 5) problems.push(`score must be 1–5 (5 非常满意 … 1 非常不满意); got ${r.score}`);
  if (!/^[a-z0-9][a-z0-9-]{1,99}$/.test(r.serviceItem)) problems.push('serviceItem must be a service item code such as kindergarten-enrolment');
  if (r.comment !== null && characterCount(r.comment) > 2000) problems.push('comment must be at most 2000 characters');
  if (r.matterId !== null && (r.matterId.length < 1 || characterCount(r.matterId) > 100)) problems.push('matterId must be 1–100 characters');
  return problems;
}

export function average(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

const RATING_KEY_SEPARATOR = '\u001F';

/**
 * What makes a rating the only one of its kind: one per matter (一事一评) or, without a matter, one
 * per service of an institution — always of one rater, so that whoever rates a matter number first
 * cannot block the person whose matter it is. Parts are joined by U+001F, which no part may hold
 * (control characters are refused), so two different ratings never share a key.
 */
export function ratingKey(r: { matterId: string | null; raterId: string; institutionId: string; serviceItem: string }): string {
  const parts = r.matterId !== null ? ['matter', r.matterId, r.raterId] : ['service', r.institutionId, r.serviceItem, r.raterId];
  return parts.join(RATING_KEY_SEPARATOR);
}
