import fc from 'fast-check';
import { fen } from '@edugraph/rules';
import { describe, expect, it } from 'vitest';
import { recordRoster } from '../kindergarten/index.ts';
import type { Kindergarten } from '../kindergarten/index.ts';
import { approveSubsidy, computeSubsidy, disburseSubsidy, recordRecovery } from './commands.ts';
import { entriesFor, ledgerTotals } from './ledger.ts';
import type { SubsidyEntry } from './ledger.ts';
import { DEFAULT_SUBSIDY_RATES, changeRate } from './rates.ts';
import type { SubsidyRate } from './rates.ts';
import { recognised } from './spec-support/fixtures.ts';

// Any sequence of rosters (some above places), corrections, rate changes, approvals, payments and
// recoveries, right or wrong, must leave a ledger that adds up. Two kindergartens share the ledger
// so that one's steps can be seen not to leak into the other's totals.

const YEAR = 2026;
const IDS = ['K1', 'K2'] as const;
// Weighted towards the steps that move money, so that most runs get past approval to payments,
// corrections below what was paid, and recoveries.
const kg = fc.constantFrom(...IDS);
const action = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('roster' as const), k: kg, n: fc.integer({ min: 0, max: 215 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rate' as const), perChild: fc.integer({ min: 0, max: 50_000 }) }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constantFrom('compute' as const, 'approve' as const), k: kg }) },
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.constantFrom('disburse' as const, 'recover' as const), k: kg, exact: fc.boolean(), amount: fc.integer({ min: -10, max: 5_000_000 }) }),
  },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

/** Sums by kind with plain BigInt arithmetic, independently of ledgerTotals. */
function reference(entries: readonly SubsidyEntry[]) {
  const by = (...kinds: string[]) => Number(entries.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + BigInt(e.amountFen), 0n));
  return { entitled: by('COMPUTED', 'ADJUSTMENT'), approved: by('APPROVED'), disbursed: by('DISBURSED', 'RECOVERED') };
}

/** Entry kinds and refusals reached across all runs: proof the generator gets deep, not just refused. */
const reached = new Set<string>();
const refused = new Set<string>();

function run(actions: readonly Action[]): string[] {
  const problems: string[] = [];
  let ledger: readonly SubsidyEntry[] = [];
  let rates: readonly SubsidyRate[] = DEFAULT_SUBSIDY_RATES;
  const kgs = new Map<string, Kindergarten>(IDS.map((id) => [id, { ...recognised, id, rosters: {} }]));
  const lastComputed = new Map<string, number>();
  let voucher = 0;
  actions.forEach((a, i) => {
    const before = ledger;
    if (a.t === 'roster') {
      const r = recordRoster(kgs.get(a.k)!, YEAR, a.n);
      if (r.ok) kgs.set(a.k, r.value.state);
      else if (a.n <= 200) problems.push(`#${i} roster ${a.n} refused ${r.error.code}`);
      return;
    }
    if (a.t === 'rate') {
      const r = changeRate(rates, ledger, { schoolYear: YEAR, perChildFen: fen(a.perChild), basis: 'test' });
      if (r.ok) rates = r.value;
      else refused.add(r.error.code);
      return;
    }
    const key = { kindergartenId: a.k, schoolYear: YEAR };
    const mine = ledgerTotals(entriesFor(ledger, key));
    const pay = (exact: number, x: { exact: boolean; amount: number }) => ({ amountFen: fen(x.exact ? exact : x.amount), voucherNo: `V${voucher++}`, on: '2026-11-01' });
    const r =
      a.t === 'compute' ? computeSubsidy(ledger, kgs.get(a.k)!, YEAR, rates, '2026-10-01')
      : a.t === 'approve' ? approveSubsidy(ledger, key, { on: '2026-10-02' })
      : 'exact' in a && a.t === 'disburse' ? disburseSubsidy(ledger, key, pay(mine.undisbursedFen, a))
      : 'exact' in a ? recordRecovery(ledger, key, pay(mine.disbursedFen - mine.entitledFen, a))
      : undefined;
    if (r === undefined) return;
    if (!r.ok) {
      refused.add(r.error.code);
      return;
    }
    ledger = r.value.state;
    if (ledger.length !== before.length + 1 || ledger.slice(0, before.length).some((e, j) => e !== before[j])) problems.push(`#${i} ${a.t} rewrote history`);
    const after = ledgerTotals(entriesFor(ledger, key));
    if (a.t === 'compute') {
      const rate = rates.find((x) => x.schoolYear === YEAR)!.perChildFen;
      lastComputed.set(a.k, rate * (kgs.get(a.k)!.rosters[YEAR] ?? 0));
      if (after.entitledFen !== lastComputed.get(a.k)) problems.push(`#${i} entitlement ${after.entitledFen} is not enrolled × rate`);
    }
    if (a.t === 'approve' && after.approvedFen !== lastComputed.get(a.k)) problems.push(`#${i} approved ${after.approvedFen}, latest computed ${lastComputed.get(a.k)}`);
  });
  for (const e of ledger) reached.add(e.kind);
  const all = ledgerTotals(ledger);
  const ref = reference(ledger);
  if (all.entitledFen !== ref.entitled || all.approvedFen !== ref.approved || all.disbursedFen !== ref.disbursed) problems.push('totals differ from the sum of entries');
  const perKey = IDS.map((id) => ledgerTotals(entriesFor(ledger, { kindergartenId: id, schoolYear: YEAR })));
  if (perKey.reduce((s, t) => s + t.approvedFen, 0) !== all.approvedFen) problems.push('per-kindergarten totals do not add up to the ledger');
  for (const [j, t] of perKey.entries()) {
    if (t.disbursedFen > t.approvedFen) problems.push(`${IDS[j]} disbursed ${t.disbursedFen} above approved ${t.approvedFen}`);
    if (t.disbursedFen < 0) problems.push(`${IDS[j]} disbursed a negative total`);
    if (t.unapprovedFen !== t.entitledFen - t.approvedFen || t.undisbursedFen !== t.approvedFen - t.disbursedFen) problems.push('derived totals wrong');
  }
  return problems;
}

describe('subsidy ledger properties', () => {
  it('adds up after any sequence of steps, valid or refused', () => {
    fc.assert(fc.property(fc.array(action, { minLength: 10, maxLength: 80, size: 'max' }), (actions) => {
      expect(run(actions)).toEqual([]);
    }), { numRuns: 400 });
  });

  it('checks invariants after every prefix too (disbursed never above approved mid-way)', () => {
    fc.assert(fc.property(fc.array(action, { maxLength: 30, size: 'max' }), (actions) => {
      for (let n = 0; n <= actions.length; n++) expect(run(actions.slice(0, n))).toEqual([]);
    }), { numRuns: 100 });
  });

  it('reached every kind of entry, recoveries included', () => {
    expect([...reached].sort()).toEqual(['ADJUSTMENT', 'APPROVED', 'COMPUTED', 'DISBURSED', 'RECOVERED']);
    for (const code of ['ALREADY_APPROVED', 'DISBURSEMENT_MISMATCH', 'RATE_LOCKED', 'RECOVERY_REQUIRED', 'APPROVAL_OUTDATED']) expect(refused).toContain(code);
  });
});
