import { fen } from '@edugraph/rules';
import { describe, expect, it } from 'vitest';
import { approveSubsidy, computeSubsidy, disburseSubsidy, recordRecovery } from './commands.ts';
import { entriesFor, ledgerTotals, subsidyStatus } from './ledger.ts';
import { DEFAULT_SUBSIDY_RATES as RATES, changeRate } from './rates.ts';
import { code, must, recognised as k } from './spec-support/fixtures.ts';

const key = { kindergartenId: 'K1', schoolYear: 2026 };
const pay = (amount: number, voucherNo = 'V1') => ({ amountFen: fen(amount), voucherNo, on: '2026-11-01' });

describe('subsidy ledger', () => {
  it('computes 100 children × ¥200, approves and disburses it, with events', () => {
    const c = must(computeSubsidy([], k, 2026, RATES, '2026-10-01'));
    expect(c.state).toEqual([{ ...key, kind: 'COMPUTED', amountFen: 2_000_000, on: '2026-10-01', enrolled: 100, rateFen: 20_000 }]);
    expect(c.events[0]?.type).toBe('preschool.subsidy.computed');
    const a = must(approveSubsidy(c.state, key, { on: '2026-10-10', by: '财审科' }));
    expect(subsidyStatus(a.state)).toBe('APPROVED');
    expect(code(approveSubsidy(a.state, key, { on: '2026-10-11' }))).toBe('ALREADY_APPROVED');
    expect(code(disburseSubsidy(a.state, key, pay(1_999_999)))).toBe('DISBURSEMENT_MISMATCH');
    const d = must(disburseSubsidy(a.state, key, pay(2_000_000)));
    expect(d.events[0]).toEqual({
      type: 'preschool.subsidy.disbursed',
      payload: { ...key, amountFen: 2_000_000, amountYuan: '¥20,000.00', voucherNo: 'V1', disbursedOn: '2026-11-01' },
    });
    expect(subsidyStatus(d.state)).toBe('DISBURSED');
    expect(ledgerTotals(d.state)).toEqual({ entitledFen: 2_000_000, approvedFen: 2_000_000, disbursedFen: 2_000_000, unapprovedFen: 0, undisbursedFen: 0 });
    expect(code(disburseSubsidy(d.state, key, pay(0, 'V2')))).toBe('NOTHING_TO_DISBURSE');
  });

  it('refuses kindergartens that are not recognised for the year, or for-profit', () => {
    expect(code(computeSubsidy([], { ...k, inclusiveYears: [] }, 2026, RATES, '2026-10-01'))).toBe('NOT_RECOGNISED');
    const forProfit = computeSubsidy([], { ...k, nonProfit: false, inclusiveYears: [] }, 2026, RATES, '2026-10-01');
    expect(!forProfit.ok && forProfit.error.message).toContain('for-profit');
    expect(code(computeSubsidy([], { ...k, kind: 'PUBLIC' }, 2026, RATES, '2026-10-01'))).toBe('NOT_RECOGNISED');
    expect(code(computeSubsidy([], { ...k, rosters: {} }, 2026, RATES, '2026-10-01'))).toBe('NO_ROSTER');
    expect(code(computeSubsidy([], { ...k, inclusiveYears: [2031], rosters: { 2031: 1 } }, 2031, RATES, '2031-10-01'))).toBe('RATE_NOT_SET');
  });

  it('posts a roster correction as an adjustment, re-approves the difference, never edits history', () => {
    const approved = must(approveSubsidy(must(computeSubsidy([], k, 2026, RATES, '2026-10-01')).state, key, { on: '2026-10-10' })).state;
    const corrected = must(computeSubsidy(approved, { ...k, rosters: { 2026: 104 } }, 2026, RATES, '2026-10-20')).state;
    expect(corrected.slice(0, approved.length)).toEqual(approved);
    expect(corrected.at(-1)).toMatchObject({ kind: 'ADJUSTMENT', amountFen: 80_000, enrolled: 104 });
    expect(subsidyStatus(corrected)).toBe('ADJUSTED');
    expect(code(disburseSubsidy(corrected, key, pay(2_080_000)))).toBe('APPROVAL_OUTDATED');
    const again = must(approveSubsidy(corrected, key, { on: '2026-10-21' })).state;
    expect(again.at(-1)).toMatchObject({ kind: 'APPROVED', amountFen: 80_000 });
    expect(code(computeSubsidy(again, { ...k, rosters: { 2026: 104 } }, 2026, RATES, '2026-10-22'))).toBe('UNCHANGED');
  });

  it('makes an overpayment recovered before the lower amount is approved', () => {
    let l = must(approveSubsidy(must(computeSubsidy([], k, 2026, RATES, '2026-10-01')).state, key, { on: '2026-10-10' })).state;
    l = must(disburseSubsidy(l, key, pay(2_000_000))).state;
    l = must(computeSubsidy(l, { ...k, rosters: { 2026: 90 } }, 2026, RATES, '2026-12-01')).state;
    expect(subsidyStatus(l)).toBe('OVERPAID');
    expect(code(approveSubsidy(l, key, { on: '2026-12-02' }))).toBe('RECOVERY_REQUIRED');
    expect(code(recordRecovery(l, key, pay(100, 'R1')))).toBe('RECOVERY_MISMATCH');
    expect(code(recordRecovery(l, key, pay(200_000, 'V1')))).toBe('DUPLICATE_VOUCHER');
    l = must(recordRecovery(l, key, pay(200_000, 'R1'))).state;
    l = must(approveSubsidy(l, key, { on: '2026-12-03' })).state;
    expect(subsidyStatus(l)).toBe('DISBURSED');
    expect(ledgerTotals(entriesFor(l, key)).disbursedFen).toBe(1_800_000);
  });

  it('locks the rate of a year once disbursed, also against a table edited behind its back', () => {
    const higher = { schoolYear: 2026, perChildFen: fen(25_000), basis: 'budget amendment' };
    const computed = must(computeSubsidy([], k, 2026, RATES, '2026-10-01')).state;
    const raised = must(changeRate(RATES, computed, higher));
    expect(must(computeSubsidy(computed, k, 2026, raised, '2026-10-02')).state.at(-1)).toMatchObject({ kind: 'ADJUSTMENT', amountFen: 500_000 });
    let paid = must(approveSubsidy(computed, key, { on: '2026-10-10' })).state;
    paid = must(disburseSubsidy(paid, key, pay(2_000_000))).state;
    expect(code(changeRate(RATES, paid, higher))).toBe('RATE_LOCKED');
    expect(changeRate(RATES, paid, { ...RATES[1]!, basis: 'reworded' }).ok).toBe(true);
    expect(code(computeSubsidy(paid, k, 2026, raised, '2026-12-01'))).toBe('RATE_LOCKED');
    expect(code(disburseSubsidy(paid, key, pay(1, ' ')))).toBe('VOUCHER_REQUIRED');
  });
});
