// Public API of student aid: one criteria table for local and migrant students, and the decision.
export { DEFAULT_AID_CRITERIA } from './criteria.ts';
export type { AidAmounts, AidCriteria, AidLevel, AidLevelCode } from './criteria.ts';
export { decideAid, aidDecidedEvents } from './decide.ts';
export type { AidGrant, AidRefusal, AidStudentLevel } from './decide.ts';
