import type { EntityManager } from '@mikro-orm/core';
import { fen, formatYuan } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import { DEFAULT_SUBSIDY_RATES, ledgerTotals, subsidyStatus } from '../domain/index.ts';
import type { EntryKind, SubsidyEntry as LedgerEntry, SubsidyKey, SubsidyRate, SubsidyStatus } from '../domain/index.ts';
import { SubsidyRateRow } from '../entities/subsidy.entities.ts';
import type { SubsidyEntry } from '../entities/subsidy.entities.ts';

export function toLedgerEntry(row: SubsidyEntry): LedgerEntry {
  return {
    kindergartenId: row.kindergartenId,
    schoolYear: row.schoolYear,
    kind: row.kind as EntryKind,
    amountFen: fen(row.amountFen),
    on: row.on,
    ...(row.enrolled !== null && row.enrolled !== undefined ? { enrolled: row.enrolled } : {}),
    ...(row.rateFen !== null && row.rateFen !== undefined ? { rateFen: fen(row.rateFen) } : {}),
    ...(row.voucherNo ? { voucherNo: row.voucherNo } : {}),
    by: row.recordedBy,
  };
}

/** The rate table in force: the defaults (data in code, with their basis) replaced year by year by the rows 财审科 set. */
export async function effectiveRates(em: EntityManager): Promise<SubsidyRate[]> {
  const rows = await em.find(SubsidyRateRow, {});
  const set = new Map<number, SubsidyRate>(DEFAULT_SUBSIDY_RATES.map((r) => [r.schoolYear, r]));
  for (const r of rows) set.set(r.schoolYear, { schoolYear: r.schoolYear, perChildFen: fen(r.perChildFen), basis: r.basis });
  return [...set.values()].sort((a, b) => a.schoolYear - b.schoolYear);
}

export interface SubsidyRateView {
  schoolYear: number;
  perChildFen: Fen;
  perChildYuan: string;
  basis: string;
}

export interface LedgerEntryView {
  kindergartenId: string;
  schoolYear: number;
  kind: EntryKind;
  amountFen: Fen;
  amountYuan: string;
  on: string;
  enrolled: number | null;
  rateFen: Fen | null;
  voucherNo: string | null;
}

export interface TotalsView {
  entitledFen: Fen;
  entitledYuan: string;
  approvedFen: Fen;
  approvedYuan: string;
  disbursedFen: Fen;
  disbursedYuan: string;
  undisbursedFen: Fen;
}

/** One kindergarten's subsidy of one school year: `amountFen` is what it is entitled to now. */
export interface SubsidyView extends TotalsView {
  kindergartenId: string;
  schoolYear: number;
  status: SubsidyStatus;
  amountFen: Fen;
  amountYuan: string;
  entries: LedgerEntryView[];
}

export function toEntryView(e: LedgerEntry): LedgerEntryView {
  return {
    kindergartenId: e.kindergartenId,
    schoolYear: e.schoolYear,
    kind: e.kind,
    amountFen: e.amountFen,
    amountYuan: formatYuan(e.amountFen),
    on: e.on,
    enrolled: e.enrolled ?? null,
    rateFen: e.rateFen ?? null,
    voucherNo: e.voucherNo ?? null,
  };
}

export function toTotalsView(entries: readonly LedgerEntry[]): TotalsView {
  const t = ledgerTotals(entries);
  return {
    entitledFen: t.entitledFen,
    entitledYuan: formatYuan(t.entitledFen),
    approvedFen: t.approvedFen,
    approvedYuan: formatYuan(t.approvedFen),
    disbursedFen: t.disbursedFen,
    disbursedYuan: formatYuan(t.disbursedFen),
    undisbursedFen: t.undisbursedFen,
  };
}

export function toSubsidyView(key: SubsidyKey, entries: readonly LedgerEntry[]): SubsidyView {
  const totals = toTotalsView(entries);
  return {
    kindergartenId: key.kindergartenId,
    schoolYear: key.schoolYear,
    status: subsidyStatus(entries),
    amountFen: totals.entitledFen,
    amountYuan: totals.entitledYuan,
    ...totals,
    entries: entries.map(toEntryView),
  };
}
