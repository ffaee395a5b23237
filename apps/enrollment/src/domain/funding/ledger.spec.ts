import { describe, expect, it } from 'vitest';
import { fen, formatYuan } from '@edugraph/rules';
import { checkSchoolBalance, enrolmentEntry, fundingLocation, ledgerBalance, transferEntries } from './ledger.ts';
import type { LedgerEntry } from './ledger.ts';
import { DEFAULT_FUNDING_RATES as RATES } from './rates.ts';

function must<T>(d: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!d.ok) throw new Error(d.error.code);
  return d.value;
}

function enrolled(): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  entries.push(must(enrolmentEntry(entries, RATES, { studentId: 'st1', schoolId: 'S1', year: 2026, grade: 1 })));
  entries.push(must(enrolmentEntry(entries, RATES, { studentId: 'st2', schoolId: 'S1', year: 2026, grade: 7 })));
  entries.push(must(enrolmentEntry(entries, RATES, { studentId: 'st3', schoolId: 'S2', year: 2026, grade: 2 })));
  return entries;
}

describe('funding ledger', () => {
  it('funds an enrolment at the year rate of its level, in fen', () => {
    const entries = enrolled();
    expect(entries.map((e) => [e.studentId, e.amountFen, e.level])).toEqual([
      ['st1', 65_000, 'PRIMARY'],
      ['st2', 85_000, 'JUNIOR'],
      ['st3', 65_000, 'PRIMARY'],
    ]);
    expect(formatYuan(ledgerBalance(entries, 'S1', 2026))).toBe('¥1,500.00');
    const twice = enrolmentEntry(entries, RATES, { studentId: 'st1', schoolId: 'S2', year: 2026, grade: 1 });
    expect(!twice.ok && twice.error.code).toBe('ALREADY_FUNDED');
    const noRate = enrolmentEntry([], RATES, { studentId: 'st9', schoolId: 'S1', year: 2031, grade: 1 });
    expect(!noRate.ok && noRate.error.code).toBe('RATE_NOT_SET');
    const senior = enrolmentEntry([], RATES, { studentId: 'st9', schoolId: 'S1', year: 2026, grade: 10 });
    expect(!senior.ok && senior.error.code).toBe('GRADE_NOT_FUNDED');
  });

  it('moves the funding with a transfer: exactly one out and one in, for the rate', () => {
    const entries = enrolled();
    const moves = must(transferEntries(entries, RATES, { studentId: 'st1', fromSchoolId: 'S1', toSchoolId: 'S2', year: 2026, grade: 1 }));
    expect(moves.map((e) => [e.schoolId, e.kind, e.amountFen])).toEqual([
      ['S1', 'TRANSFER_OUT', -65_000],
      ['S2', 'TRANSFER_IN', 65_000],
    ]);
    const after = [...entries, ...moves];
    expect(fundingLocation(after, 'st1', 2026)).toBe('S2');
    expect(ledgerBalance(after, 'S1', 2026)).toBe(fen(85_000));
    expect(ledgerBalance(after, 'S2', 2026)).toBe(fen(130_000));
    for (const school of ['S1', 'S2']) expect(checkSchoolBalance(after, RATES, school, 2026).balanced).toBe(true);
    expect(checkSchoolBalance(after, RATES, 'S2', 2026)).toMatchObject({ students: 2, expectedFen: 130_000 });
  });

  it('refuses a transfer to the same school or from a school that does not hold the funding', () => {
    const entries = enrolled();
    const same = transferEntries(entries, RATES, { studentId: 'st1', fromSchoolId: 'S1', toSchoolId: 'S1', year: 2026, grade: 1 });
    expect(!same.ok && same.error.code).toBe('SAME_SCHOOL');
    const wrong = transferEntries(entries, RATES, { studentId: 'st1', fromSchoolId: 'S2', toSchoolId: 'S3', year: 2026, grade: 1 });
    expect(!wrong.ok && wrong.error.code).toBe('NOT_FUNDED_HERE');
  });

  it('detects a ledger that does not add up', () => {
    const entries = [...enrolled(), { studentId: 'st1', schoolId: 'S1', year: 2026, kind: 'TRANSFER_IN' as const, amountFen: fen(65_000), level: 'PRIMARY' as const }];
    expect(checkSchoolBalance(entries, RATES, 'S1', 2026)).toEqual({ balanceFen: 215_000, students: 2, expectedFen: 150_000, balanced: false });
  });

  it('every rate has a basis', () => {
    for (const rate of RATES) expect(rate.basis).toMatch(/国发〔2015〕67号/);
  });
});
