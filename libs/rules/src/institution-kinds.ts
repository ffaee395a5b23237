// The registry's vocabulary. It lives with the rules so that a service's domain can check it
// without importing the event contracts, which build their schemas from these same lists.

/** The level of education an institution provides: 学前, 小学, 初中, 高中, 职业, 培训. */
export const INSTITUTION_LEVELS = ['PRESCHOOL', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'TRAINING'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

/** Who runs it: 公办 or 民办. */
export const OWNERSHIPS = ['PUBLIC', 'PRIVATE'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
