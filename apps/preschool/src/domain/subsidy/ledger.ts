// The subsidy ledger is append-only: every step (computation, correction, approval by 财审科,
// disbursement by the finance bureau, recovery) is an entry, so status and amounts are derived
// from entries alone and history is never edited.
import { sumFen, subtractFen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import type { SchoolYear } from '../kindergarten/index.ts';

export const ENTRY_KINDS = ['COMPUTED', 'ADJUSTMENT', 'APPROVED', 'DISBURSED', 'RECOVERED'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface SubsidyEntry {
  readonly kindergartenId: string;
  readonly schoolYear: SchoolYear;
  readonly kind: EntryKind;
  /**
   * Signed: COMPUTED is the first entitlement, ADJUSTMENT the change to it (negative when a
   * roster goes down), APPROVED the change to the approved amount, DISBURSED money paid out,
   * RECOVERED money paid back (negative).
   */
  readonly amountFen: Fen;
  readonly on: string;
  /** For COMPUTED and ADJUSTMENT: the roster and rate the new entitlement was computed from. */
  readonly enrolled?: number;
  readonly rateFen?: Fen;
  /** For DISBURSED and RECOVERED: the finance bureau's voucher (凭证号). */
  readonly voucherNo?: string;
  readonly by?: string;
}

export interface SubsidyKey {
  readonly kindergartenId: string;
  readonly schoolYear: SchoolYear;
}

export function entriesFor(ledger: readonly SubsidyEntry[], key: SubsidyKey): SubsidyEntry[] {
  return ledger.filter((e) => e.kindergartenId === key.kindergartenId && e.schoolYear === key.schoolYear);
}

export interface LedgerTotals {
  /** What the kindergarten is owed: COMPUTED + ADJUSTMENT. */
  readonly entitledFen: Fen;
  readonly approvedFen: Fen;
  /** Net paid out: DISBURSED + RECOVERED. */
  readonly disbursedFen: Fen;
  /** Entitlement 财审科 has not approved yet (negative after a downward correction). */
  readonly unapprovedFen: Fen;
  /** Approved money the finance bureau has not paid yet. */
  readonly undisbursedFen: Fen;
}

const sumOf = (entries: readonly SubsidyEntry[], kinds: readonly EntryKind[]): Fen =>
  sumFen(entries.filter((e) => kinds.includes(e.kind)).map((e) => e.amountFen));

/** Sums exactly in fen (BigInt inside sumFen); pass the entries of one key, or any selection. */
export function ledgerTotals(entries: readonly SubsidyEntry[]): LedgerTotals {
  const entitledFen = sumOf(entries, ['COMPUTED', 'ADJUSTMENT']);
  const approvedFen = sumOf(entries, ['APPROVED']);
  const disbursedFen = sumOf(entries, ['DISBURSED', 'RECOVERED']);
  return {
    entitledFen,
    approvedFen,
    disbursedFen,
    unapprovedFen: subtractFen(entitledFen, approvedFen),
    undisbursedFen: subtractFen(approvedFen, disbursedFen),
  };
}

export type SubsidyStatus = 'NOT_COMPUTED' | 'COMPUTED' | 'APPROVED' | 'DISBURSED' | 'ADJUSTED' | 'OVERPAID';

/**
 * NOT_COMPUTED → COMPUTED → APPROVED → DISBURSED; a correction after approval makes it ADJUSTED
 * (to be approved again), and one below what was already paid makes it OVERPAID (to be recovered).
 */
export function subsidyStatus(entries: readonly SubsidyEntry[]): SubsidyStatus {
  if (!entries.some((e) => e.kind === 'COMPUTED')) return 'NOT_COMPUTED';
  if (!entries.some((e) => e.kind === 'APPROVED')) return 'COMPUTED';
  const t = ledgerTotals(entries);
  if (t.disbursedFen > t.entitledFen) return 'OVERPAID';
  if (t.entitledFen !== t.approvedFen) return 'ADJUSTED';
  if (t.disbursedFen < t.approvedFen || !entries.some((e) => e.kind === 'DISBURSED')) return 'APPROVED';
  return 'DISBURSED';
}
