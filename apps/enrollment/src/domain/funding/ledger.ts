// Funding follows the student (经费随学生流动): every movement of a student's yearly funding is an
// entry, so the ledger alone shows where each student's money is and every school's balance.
import { fen, multiplyFen, sumFen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import { fail, levelOfGrade, ok } from '../shared/index.ts';
import type { Decision, SchoolLevel } from '../shared/index.ts';
import { fundingRate } from './rates.ts';
import type { FundingRate } from './rates.ts';

export type LedgerKind = 'ENROLMENT' | 'TRANSFER_OUT' | 'TRANSFER_IN';

export interface LedgerEntry {
  readonly studentId: string;
  readonly schoolId: string;
  readonly year: number;
  readonly kind: LedgerKind;
  /** Positive into the school, negative out of it. */
  readonly amountFen: Fen;
  /** Which rate applied, so a mixed 九年一贯制 school can be checked student by student. */
  readonly level: SchoolLevel;
}

export type FundingRefusal = 'RATE_NOT_SET' | 'GRADE_NOT_FUNDED' | 'ALREADY_FUNDED' | 'NOT_FUNDED_HERE' | 'SAME_SCHOOL';

/** The school holding the student's funding for the year, or undefined if none does. */
export function fundingLocation(entries: readonly LedgerEntry[], studentId: string, year: number): string | undefined {
  let at: string | undefined;
  for (const e of entries) {
    if (e.studentId !== studentId || e.year !== year) continue;
    if (e.kind === 'TRANSFER_OUT') at = undefined;
    else at = e.schoolId;
  }
  return at;
}

function rateFor(rates: readonly FundingRate[], year: number, grade: number): Decision<{ level: SchoolLevel; amount: Fen }, FundingRefusal> {
  const level = levelOfGrade(grade);
  if (!level) return fail('GRADE_NOT_FUNDED', `grade ${grade} is not compulsory education`);
  const rate = fundingRate(rates, year, level);
  if (!rate) return fail('RATE_NOT_SET', `no ${level} funding rate is set for ${year}`);
  return ok({ level, amount: rate.amountFen });
}

export interface EnrolmentFunding {
  readonly studentId: string;
  readonly schoolId: string;
  readonly year: number;
  readonly grade: number;
}

/** The entry that funds a newly enrolled student at the year's rate; once per student and year. */
export function enrolmentEntry(entries: readonly LedgerEntry[], rates: readonly FundingRate[], e: EnrolmentFunding): Decision<LedgerEntry, FundingRefusal> {
  if (entries.some((x) => x.studentId === e.studentId && x.year === e.year)) {
    return fail('ALREADY_FUNDED', `student ${e.studentId} is already on the ${e.year} ledger`);
  }
  const rate = rateFor(rates, e.year, e.grade);
  if (!rate.ok) return rate;
  return ok({ studentId: e.studentId, schoolId: e.schoolId, year: e.year, kind: 'ENROLMENT', amountFen: rate.value.amount, level: rate.value.level });
}

export interface Transfer extends Omit<EnrolmentFunding, 'schoolId'> {
  readonly fromSchoolId: string;
  readonly toSchoolId: string;
}

/**
 * Exactly one entry out of the old school (negative) and one into the new (positive), for the
 * year's full rate: the school that teaches the student from now on pays what remains of the
 * year, and prorating by month is a city's choice this table does not make.
 */
export function transferEntries(
  entries: readonly LedgerEntry[],
  rates: readonly FundingRate[],
  t: Transfer,
): Decision<readonly [LedgerEntry, LedgerEntry], FundingRefusal> {
  if (t.fromSchoolId === t.toSchoolId) return fail('SAME_SCHOOL', `the student is already at ${t.toSchoolId}`);
  const at = fundingLocation(entries, t.studentId, t.year);
  if (at !== t.fromSchoolId) {
    return fail('NOT_FUNDED_HERE', `the ${t.year} funding of student ${t.studentId} is ${at ? `at ${at}` : 'not on the ledger'}, not at ${t.fromSchoolId}`);
  }
  const rate = rateFor(rates, t.year, t.grade);
  if (!rate.ok) return rate;
  const common = { studentId: t.studentId, year: t.year, level: rate.value.level };
  return ok([
    { ...common, schoolId: t.fromSchoolId, kind: 'TRANSFER_OUT', amountFen: fen(-rate.value.amount) },
    { ...common, schoolId: t.toSchoolId, kind: 'TRANSFER_IN', amountFen: rate.value.amount },
  ]);
}

export function ledgerBalance(entries: readonly LedgerEntry[], schoolId: string, year: number): Fen {
  return sumFen(entries.filter((e) => e.schoolId === schoolId && e.year === year).map((e) => e.amountFen));
}

export interface BalanceCheck {
  readonly balanceFen: Fen;
  readonly students: number;
  /** Σ over the school's students of the year's rate for their level (students × rate). */
  readonly expectedFen: Fen;
  readonly balanced: boolean;
}

/** Does the school hold exactly its students × rate? A mismatch means a lost or doubled entry. */
export function checkSchoolBalance(entries: readonly LedgerEntry[], rates: readonly FundingRate[], schoolId: string, year: number): BalanceCheck {
  const countByLevel = new Map<SchoolLevel, number>();
  const studentsSeen = new Set(entries.filter((e) => e.year === year).map((e) => e.studentId));
  for (const studentId of studentsSeen) {
    if (fundingLocation(entries, studentId, year) !== schoolId) continue;
    const last = entries.filter((e) => e.studentId === studentId && e.year === year).at(-1);
    if (last) countByLevel.set(last.level, (countByLevel.get(last.level) ?? 0) + 1);
  }
  let students = 0;
  const parts: Fen[] = [];
  for (const [level, count] of countByLevel) {
    students += count;
    parts.push(multiplyFen(fundingRate(rates, year, level)?.amountFen ?? fen(0), count));
  }
  const balanceFen = ledgerBalance(entries, schoolId, year);
  const expectedFen = sumFen(parts);
  return { balanceFen, students, expectedFen, balanced: balanceFen === expectedFen };
}
