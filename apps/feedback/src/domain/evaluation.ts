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
  if (r.comment !== null && r.comment.length > 2000) problems.push('comment must be at most 2000 characters');
  if (r.matterId !== null && (r.matterId.length < 1 || r.matterId.length > 100)) problems.push('matterId must be 1–100 characters');
  return problems;
}

export function average(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

/** What makes a rating the only one of its kind: the matter, or else the rater's own service use. */
export function ratingKey(r: { matterId: string | null; raterId: string; institutionId: string; serviceItem: string }): string {
  return r.matterId !== null ? `matter:${r.matterId}` : `rater:${r.raterId}:${r.institutionId}:${r.serviceItem}`;
}
