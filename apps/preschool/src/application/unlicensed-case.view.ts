import type { CalendarDate } from '@edugraph/rules';
import { caseProgress, DEFAULT_UNLICENSED_POLICY } from '../domain/index.ts';
import type { CaseState, ClosingReason, UnlicensedCase } from '../domain/index.ts';
import type { UnlicensedCaseRow } from '../entities/planning.entities.ts';

export function toCase(row: UnlicensedCaseRow): UnlicensedCase {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    districtCode: row.districtCode,
    children: row.children,
    hazards: row.hazards,
    state: row.state as CaseState,
    ...(row.rectifiable != null ? { rectifiable: row.rectifiable } : {}),
    ...(row.rectification ? { rectification: row.rectification } : {}),
    inspections: row.inspections,
    placements: row.placements,
    ...(row.closingReason ? { closingReason: row.closingReason as ClosingReason } : {}),
    ...(row.licence ? { licence: row.licence } : {}),
    ...(row.closedOn ? { closedOn: row.closedOn } : {}),
  };
}

export function saveCase(row: UnlicensedCaseRow, c: UnlicensedCase): void {
  row.state = c.state;
  row.rectifiable = c.rectifiable ?? null;
  row.rectification = c.rectification ? { ...c.rectification, items: [...c.rectification.items] } : null;
  row.inspections = c.inspections.map((i) => ({ ...i, findings: [...i.findings] }));
  row.placements = c.placements.map((p) => ({ ...p }));
  row.closingReason = c.closingReason ?? null;
  row.licence = c.licence ? { ...c.licence } : null;
  row.closedOn = c.closedOn ?? null;
}

export function toCaseView(row: UnlicensedCaseRow, today: CalendarDate) {
  const c = toCase(row);
  const progress = caseProgress(c, today, DEFAULT_UNLICENSED_POLICY);
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    districtCode: row.districtCode,
    openedOn: row.openedOn,
    state: row.state,
    children: row.children,
    childrenReplaced: progress.replaced,
    childrenWaiting: progress.waiting,
    hazards: row.hazards,
    rectifiable: row.rectifiable ?? null,
    rectification: row.rectification ? { ...row.rectification, dueSoon: progress.rectificationDueSoon, overdue: progress.rectificationOverdue } : null,
    inspections: row.inspections,
    placements: row.placements,
    closingReason: row.closingReason ?? null,
    licence: row.licence ?? null,
    closedOn: row.closedOn ?? null,
  };
}
export type UnlicensedCaseView = ReturnType<typeof toCaseView>;
