import { fen, formatYuan } from '@edugraph/rules';
import { DEFAULT_FUNDING_RATES } from '../domain/funding/index.ts';
import type { FundingRate, LedgerEntry, LedgerKind } from '../domain/funding/index.ts';
import type { SchoolLevel } from '../domain/shared/index.ts';
import type { FundingEntry } from '../entities/funding.entity.ts';

/** The per-student rates (data with their basis, domain/funding/rates.ts); another city replaces the table. */
export const FUNDING_RATES: readonly FundingRate[] = DEFAULT_FUNDING_RATES;

export const toLedgerEntry = (e: FundingEntry): LedgerEntry => ({
  studentId: e.studentId,
  schoolId: e.schoolId,
  year: e.year,
  kind: e.kind as LedgerKind,
  amountFen: fen(e.amountFen),
  level: e.level as SchoolLevel,
});

export interface FundingEntryView {
  studentId: string;
  schoolId: string;
  kind: LedgerKind;
  amountFen: number;
  amount: string;
  on: string;
}

export function toFundingEntryView(e: FundingEntry): FundingEntryView {
  return { studentId: e.studentId, schoolId: e.schoolId, kind: e.kind as LedgerKind, amountFen: e.amountFen, amount: formatYuan(fen(e.amountFen)), on: e.on };
}
