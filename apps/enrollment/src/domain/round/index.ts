// Public API of a placement round: seed commitment, rebuilding engine input from stored data,
// running, summarising and explaining outcomes to parents.
export { sha256Hex } from './sha256.ts';
export { seedCommitment, commitSeed, revealSeed } from './seed.ts';
export type { Round, SeedRefusal } from './seed.ts';
export { toEngineApplication, wholeMonthsBetween, schoolYearStart } from './to-engine.ts';
export type { EngineExtras } from './to-engine.ts';
export { runRound } from './run.ts';
export type { RoundInput } from './run.ts';
export { roundSummary } from './summary.ts';
export type { RoundSummary } from './summary.ts';
export { explainOutcome } from './explain.ts';
export type { Explanation, NameLookup } from './explain.ts';
export { DOCUMENT_NAMES } from './document-names.ts';
export { DEFAULT_PLACEMENT_POLICY } from './policy.ts';
export type { PlacementPolicy } from './policy.ts';
export { publishedOutcome } from './published-outcome.ts';
export type { PublishedOutcome } from './published-outcome.ts';
