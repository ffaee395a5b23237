// The measures board (督促落实一览): per owner, how many measures fall due in the period, how many
// are done, late and not met, and how many overdue items other work raised for the office — ordered
// so whoever is furthest behind comes first.
import type { CalendarDate } from '@edugraph/rules';
import type { InspectionResult, Measure, OwnerKind } from './measure.ts';
import { isLate, lastInspection } from './measure.ts';
import type { ItemState } from './supervision-item.ts';

export interface BoardRow {
  readonly ownerKind: OwnerKind;
  readonly owner: string;
  readonly measures: number;
  /** Reported done (100 %), inspected or not. */
  readonly done: number;
  /** Past the deadline without being done by it (see isLate). */
  readonly late: number;
  /** Last inspection NOT_MET. */
  readonly notMet: number;
  readonly partlyMet: number;
  readonly met: number;
  /** done / measures; null for an owner with no measures in the period. */
  readonly doneShare: number | null;
  /** Overdue items other work raised for this office in the period (OVERDUE state). */
  readonly overdueItems: number;
  /** Items that turned DUE_SOON (a warning, not yet late). */
  readonly dueSoonItems: number;
  /** notMet + late + overdueItems: the first sort key. */
  readonly behind: number;
}

/**
 * The ordering, furthest behind first:
 *   1. behind = measures not met + measures late + overdue items, most first;
 *   2. then the lowest done share (an owner with no measures counts as all done);
 *   3. then the most measures (more at stake first);
 *   4. then the owner code or id, so equal rows keep a stable order.
 */
export const BOARD_ORDERING =
  'Furthest behind first: (not met + late + overdue items) descending, then the lowest done share (no measures counts as all done), then the most measures, then the owner code.';

export function compareRows(a: BoardRow, b: BoardRow): number {
  if (a.behind !== b.behind) return b.behind - a.behind;
  const shareA = a.doneShare ?? 1;
  const shareB = b.doneShare ?? 1;
  if (shareA !== shareB) return shareA - shareB;
  if (a.measures !== b.measures) return b.measures - a.measures;
  return a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0;
}

export interface BoardItem {
  readonly office: string;
  readonly state: ItemState;
}

export function boardRows(measures: readonly Measure[], items: readonly BoardItem[], today: CalendarDate): BoardRow[] {
  const rows = new Map<string, { ownerKind: OwnerKind; owner: string; measures: number; done: number; late: number; results: Record<InspectionResult, number>; overdueItems: number; dueSoonItems: number }>();
  const rowOf = (ownerKind: OwnerKind, owner: string) => {
    const key = `${ownerKind}:${owner}`;
    let row = rows.get(key);
    if (!row) {
      row = { ownerKind, owner, measures: 0, done: 0, late: 0, results: { MET: 0, PARTLY_MET: 0, NOT_MET: 0 }, overdueItems: 0, dueSoonItems: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const m of measures) {
    const row = rowOf(m.owner.kind, m.owner.key);
    row.measures++;
    if (m.completedOn !== null) row.done++;
    if (isLate(m, today)) row.late++;
    const inspection = lastInspection(m);
    if (inspection) row.results[inspection.result]++;
  }
  for (const item of items) {
    const row = rowOf('OFFICE', item.office);
    if (item.state === 'OVERDUE') row.overdueItems++;
    else row.dueSoonItems++;
  }
  return [...rows.values()]
    .map((r) => ({
      ownerKind: r.ownerKind,
      owner: r.owner,
      measures: r.measures,
      done: r.done,
      late: r.late,
      notMet: r.results.NOT_MET,
      partlyMet: r.results.PARTLY_MET,
      met: r.results.MET,
      doneShare: r.measures === 0 ? null : r.done / r.measures,
      overdueItems: r.overdueItems,
      dueSoonItems: r.dueSoonItems,
      behind: r.results.NOT_MET + r.late + r.overdueItems,
    }))
    .sort(compareRows);
}
