// The steps of a subsidy: compute from the roster, approve (财审科), disburse (finance bureau),
// recover an overpayment. Each returns the ledger with its new entries appended, or a refusal.
import { fen, formatYuan, multiplyFen, subtractFen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import { enrolledIn, kindInYear } from '../kindergarten/index.ts';
import type { Kindergarten, SchoolYear } from '../kindergarten/index.ts';
import { event, fail, isText, step } from '../shared/index.ts';
import type { RuleError, Step } from '../shared/index.ts';
import { entriesFor, ledgerTotals } from './ledger.ts';
import type { SubsidyEntry, SubsidyKey } from './ledger.ts';
import { subsidyRate } from './rates.ts';
import type { SubsidyRate } from './rates.ts';

export const SUBSIDY_EVENTS = {
  computed: 'preschool.subsidy.computed',
  approved: 'preschool.subsidy.approved',
  disbursed: 'preschool.subsidy.disbursed',
  recovered: 'preschool.subsidy.recovered',
} as const;

export type SubsidyRefusal =
  | 'NOT_RECOGNISED'
  | 'NO_ROSTER'
  | 'RATE_NOT_SET'
  | 'RATE_LOCKED'
  | 'UNCHANGED'
  | 'NOT_COMPUTED'
  | 'ALREADY_APPROVED'
  | 'RECOVERY_REQUIRED'
  | 'NOT_APPROVED'
  | 'APPROVAL_OUTDATED'
  | 'NOTHING_TO_DISBURSE'
  | 'DISBURSEMENT_MISMATCH'
  | 'VOUCHER_REQUIRED'
  | 'DUPLICATE_VOUCHER'
  | 'NOT_OVERPAID'
  | 'RECOVERY_MISMATCH';

type LedgerStep = Step<readonly SubsidyEntry[], SubsidyRefusal>;

/**
 * Entitlement = enrolled × the year's rate. The first computation posts COMPUTED; a later one
 * (after a roster correction or a rate change) posts the difference as an ADJUSTMENT.
 */
export function computeSubsidy(ledger: readonly SubsidyEntry[], k: Kindergarten, schoolYear: SchoolYear, rates: readonly SubsidyRate[], on: string): LedgerStep {
  if (kindInYear(k, schoolYear) !== 'INCLUSIVE_PRIVATE') {
    const why = k.kind === 'PRIVATE' && !k.nonProfit ? 'it is for-profit' : `it is not recognised inclusive for ${schoolYear}`;
    return fail('NOT_RECOGNISED', `${k.name} gets no inclusive subsidy: ${why}`);
  }
  const enrolled = enrolledIn(k, schoolYear);
  if (enrolled === undefined) return fail('NO_ROSTER', `record the ${schoolYear} roster of ${k.name} first`);
  const rate = subsidyRate(rates, schoolYear);
  if (!rate) return fail('RATE_NOT_SET', `no subsidy rate is set for ${schoolYear}`);
  const key = { kindergartenId: k.id, schoolYear };
  const mine = entriesFor(ledger, key);
  const lastRate = mine.findLast((e) => e.rateFen !== undefined)?.rateFen;
  // A rate table edited behind changeRate's back must not reach a year already paid.
  if (lastRate !== undefined && lastRate !== rate.perChildFen && mine.some((e) => e.kind === 'DISBURSED')) {
    return fail('RATE_LOCKED', `the ${schoolYear} rate was ${formatYuan(lastRate)} when it was disbursed; it cannot change now`);
  }
  const amount = multiplyFen(rate.perChildFen, enrolled);
  const first = !mine.some((e) => e.kind === 'COMPUTED');
  const change = first ? amount : subtractFen(amount, ledgerTotals(mine).entitledFen);
  if (!first && change === 0) return fail('UNCHANGED', `the ${schoolYear} subsidy of ${k.name} is already ${formatYuan(amount)}`);
  const entry: SubsidyEntry = { ...key, kind: first ? 'COMPUTED' : 'ADJUSTMENT', amountFen: change, on, enrolled, rateFen: rate.perChildFen };
  const payload = { ...key, districtCode: k.districtCode, enrolled, rateFen: rate.perChildFen, entitledFen: amount, changeFen: change, on };
  return step([...ledger, entry], event(SUBSIDY_EVENTS.computed, payload));
}

export interface Approval {
  readonly on: string;
  readonly by?: string;
}

/** 财审科 approves the current entitlement; after a correction it approves the difference. */
export function approveSubsidy(ledger: readonly SubsidyEntry[], key: SubsidyKey, approval: Approval): LedgerStep {
  const mine = entriesFor(ledger, key);
  if (!mine.some((e) => e.kind === 'COMPUTED')) return fail('NOT_COMPUTED', 'compute the subsidy before approving it');
  const t = ledgerTotals(mine);
  if (t.unapprovedFen === 0 && mine.some((e) => e.kind === 'APPROVED')) {
    return fail('ALREADY_APPROVED', `${formatYuan(t.approvedFen)} is already approved; nothing has changed since`);
  }
  // Approval must never fall below what was paid: the overpayment is recovered first.
  if (t.entitledFen < t.disbursedFen) {
    return fail('RECOVERY_REQUIRED', `${formatYuan(subtractFen(t.disbursedFen, t.entitledFen))} was overpaid; record its recovery first`);
  }
  const entry: SubsidyEntry = { ...key, kind: 'APPROVED', amountFen: t.unapprovedFen, on: approval.on, ...(approval.by ? { by: approval.by } : {}) };
  const payload = { ...key, approvedFen: t.entitledFen, changeFen: t.unapprovedFen, on: approval.on };
  return step([...ledger, entry], event(SUBSIDY_EVENTS.approved, payload));
}

export interface Payment {
  readonly amountFen: Fen;
  readonly voucherNo: string;
  readonly on: string;
}

function voucherProblem(ledger: readonly SubsidyEntry[], voucherNo: string): { ok: false; error: RuleError<SubsidyRefusal> } | undefined {
  if (!isText(voucherNo)) return fail('VOUCHER_REQUIRED', 'the finance bureau voucher number (凭证号) is required');
  if (ledger.some((e) => e.voucherNo === voucherNo)) return fail('DUPLICATE_VOUCHER', `voucher ${voucherNo} is already on the ledger`);
  return undefined;
}

/** The finance bureau pays exactly what is approved and unpaid, under a voucher number. */
export function disburseSubsidy(ledger: readonly SubsidyEntry[], key: SubsidyKey, payment: Payment): LedgerStep {
  const voucher = voucherProblem(ledger, payment.voucherNo);
  if (voucher) return voucher;
  const mine = entriesFor(ledger, key);
  if (!mine.some((e) => e.kind === 'APPROVED')) return fail('NOT_APPROVED', 'the subsidy is not approved yet');
  const t = ledgerTotals(mine);
  if (t.unapprovedFen !== 0) return fail('APPROVAL_OUTDATED', 'the entitlement changed since approval; approve it again first');
  if (t.undisbursedFen <= 0) return fail('NOTHING_TO_DISBURSE', 'everything approved is already paid');
  if (payment.amountFen !== t.undisbursedFen) {
    return fail('DISBURSEMENT_MISMATCH', `the approved unpaid amount is ${formatYuan(t.undisbursedFen)}, not ${formatYuan(payment.amountFen)}`, {
      expectedFen: t.undisbursedFen,
      actualFen: payment.amountFen,
    });
  }
  const entry: SubsidyEntry = { ...key, kind: 'DISBURSED', amountFen: payment.amountFen, on: payment.on, voucherNo: payment.voucherNo };
  const payload = { ...key, amountFen: payment.amountFen, amountYuan: formatYuan(payment.amountFen), voucherNo: payment.voucherNo, disbursedOn: payment.on };
  return step([...ledger, entry], event(SUBSIDY_EVENTS.disbursed, payload));
}

/** Money paid back after a roster went down past what was disbursed; the amount is positive. */
export function recordRecovery(ledger: readonly SubsidyEntry[], key: SubsidyKey, payment: Payment): LedgerStep {
  const voucher = voucherProblem(ledger, payment.voucherNo);
  if (voucher) return voucher;
  const t = ledgerTotals(entriesFor(ledger, key));
  const overpaid = subtractFen(t.disbursedFen, t.entitledFen);
  if (overpaid <= 0) return fail('NOT_OVERPAID', 'nothing was paid beyond the entitlement');
  if (payment.amountFen !== overpaid) return fail('RECOVERY_MISMATCH', `the overpayment is ${formatYuan(overpaid)}, not ${formatYuan(payment.amountFen)}`);
  const entry: SubsidyEntry = { ...key, kind: 'RECOVERED', amountFen: fen(-overpaid), on: payment.on, voucherNo: payment.voucherNo };
  return step([...ledger, entry], event(SUBSIDY_EVENTS.recovered, { ...key, amountFen: overpaid, voucherNo: payment.voucherNo, on: payment.on }));
}
