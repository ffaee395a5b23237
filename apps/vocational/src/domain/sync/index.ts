// Public API of catalogue sync: validate a school's snapshot, diff it, apply it, hash it.
export { DEFAULT_LENGTH_YEARS, MAX_COUNT } from './types.ts';
export type { PartnerEnterprise, SnapshotRow, Programme, LengthYearsByLevel, SyncContext, RowContext, RowProblem, RowProblemCode } from './types.ts';
export { validateRow, validateSnapshot } from './validate.ts';
export type { RowRejection, ValidatedSnapshot } from './validate.ts';
export { normaliseRow, canonicalRow, canonicalSnapshot, canonicalField, PROGRAMME_FIELDS } from './canonical.ts';
export type { ProgrammeField } from './canonical.ts';
export { diffSnapshot, applyDiff, changedFields, isEmptyDiff } from './diff.ts';
export type { SnapshotDiff, ProgrammeChange } from './diff.ts';
