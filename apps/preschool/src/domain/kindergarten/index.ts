// Public API of kindergartens: kinds per year, rosters, inclusive recognition and its policy data.
export { KINDERGARTEN_KINDS, KINDERGARTEN_EVENTS, kindInYear, isInclusiveIn, enrolledIn, isSchoolYear, recordRoster } from './kindergarten.ts';
export type { Kindergarten, KindergartenKind, RegisteredKind, Area, SchoolYear, RosterRefusal } from './kindergarten.ts';
export { DEFAULT_INCLUSIVE_POLICIES, inclusivePolicy } from './inclusive-policy.ts';
export type { InclusivePolicy } from './inclusive-policy.ts';
export { RECOGNITION_EVENTS, recogniseInclusive } from './recognition.ts';
export type { RecognitionRefusal, RecognitionRequest } from './recognition.ts';
