// A sync is a whole snapshot: what it adds, changes and retires against the current catalogue.
// Idempotent: applying a snapshot's diff, then diffing the same snapshot again, is all unchanged.
//
// A rejected row never retires anything: if it names a programme the school already has, that
// programme is kept as it is (listed in `kept`), because a typo in one row must not withdraw a
// programme students are enrolled in. Only a code absent from every row of the snapshot retires.
import { PROGRAMME_FIELDS, canonicalField, normaliseRow } from './canonical.ts';
import type { ProgrammeField } from './canonical.ts';
import type { Programme, SnapshotRow, SyncContext } from './types.ts';
import { validateSnapshot } from './validate.ts';
import type { RowRejection } from './validate.ts';

export interface ProgrammeChange {
  readonly code: string;
  /** Fields that differ, in PROGRAMME_FIELDS order. */
  readonly fields: readonly ProgrammeField[];
  readonly before: Programme;
  readonly after: Programme;
}

export interface SnapshotDiff {
  readonly added: readonly Programme[];
  readonly changed: readonly ProgrammeChange[];
  /** In the current catalogue, named by no row of the snapshot. */
  readonly retired: readonly Programme[];
  /** Codes whose accepted row matches the current programme exactly. */
  readonly unchanged: readonly string[];
  readonly rejected: readonly RowRejection[];
  /** Codes of current programmes kept as they are because their row was rejected. */
  readonly kept: readonly string[];
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function changedFields(before: Programme, after: Programme): ProgrammeField[] {
  return PROGRAMME_FIELDS.filter((f) => canonicalField(before, f) !== canonicalField(after, f));
}

export function diffSnapshot(current: readonly Programme[], rows: readonly SnapshotRow[], ctx: SyncContext): SnapshotDiff {
  const existing = new Map(current.map((p) => [p.code, p]));
  const { accepted, rejected } = validateSnapshot(rows, ctx);
  const added: Programme[] = [];
  const changed: ProgrammeChange[] = [];
  const unchanged: string[] = [];
  for (const { value } of accepted) {
    const after = normaliseRow(value);
    const before = existing.get(after.code);
    if (!before) {
      added.push(after);
      continue;
    }
    const fields = changedFields(normaliseRow(before), after);
    if (fields.length === 0) unchanged.push(after.code);
    else changed.push({ code: after.code, fields, before, after });
  }
  const named = new Set(rows.map((r) => String(r.code)));
  const acceptedCodes = new Set(accepted.map((a) => String(a.value.code)));
  const retired = current.filter((p) => !named.has(p.code));
  const kept = current.filter((p) => named.has(p.code) && !acceptedCodes.has(p.code)).map((p) => p.code);
  return {
    added: added.sort(byCode),
    changed: changed.sort(byCode),
    retired: [...retired].sort(byCode),
    unchanged: unchanged.sort(),
    rejected,
    kept: kept.sort(),
  };
}

/** The next catalogue: current minus retired, changed replaced, added appended; sorted by code. */
export function applyDiff(current: readonly Programme[], diff: SnapshotDiff): Programme[] {
  const next = new Map(current.map((p) => [p.code, p]));
  for (const p of diff.retired) next.delete(p.code);
  for (const c of diff.changed) next.set(c.code, c.after);
  for (const p of diff.added) next.set(p.code, p);
  return [...next.values()].sort(byCode);
}

/** True when the diff changes nothing (the same snapshot twice). */
export function isEmptyDiff(diff: SnapshotDiff): boolean {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.retired.length === 0;
}
