import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import type { Actor } from '@edugraph/auth';
import { AppError, idInput, parseInput, requireInstitutionAccess } from '@edugraph/platform';
import { formatYuan } from '@edugraph/rules';
import { checkSchoolBalance, fundingRate } from '../domain/funding/index.ts';
import type { SchoolLevel } from '../domain/shared/index.ts';
import { FundingEntry } from '../entities/funding.entity.ts';
import { School } from '../entities/school.entity.ts';
import { FUNDING_RATES, toFundingEntryView, toLedgerEntry } from './funding.view.ts';
import type { FundingEntryView } from './funding.view.ts';

export interface FundingLedgerView {
  schoolId: string;
  year: number;
  rateFen: number;
  rate: string;
  students: number;
  balanceFen: number;
  balance: string;
  expectedFen: number;
  expected: string;
  entries: FundingEntryView[];
  balanced: boolean;
}

const ledgerInput = z.object({ schoolId: idInput(), year: z.number().int().min(2000).max(2100) });

/**
 * A school's funding ledger of a year: every entry at the school, and whether the balance is exactly
 * its students × the rate. Bureau staff, and the school's own staff. Two statements: the school's
 * entries' students, then those students' entries of the year (a student's whole history decides
 * where their funding is now).
 */
export async function fundingLedger(em: EntityManager, actor: Actor, raw: { schoolId: string; year: number }): Promise<FundingLedgerView> {
  const input = parseInput(ledgerInput, raw);
  requireInstitutionAccess(actor, input.schoolId, 'read the funding ledger');
  const school = await em.findOne(School, { institutionId: input.schoolId });
  if (!school) throw new AppError('NOT_FOUND', 'No primary or junior school with this institution id is known to enrollment.');
  const rate = fundingRate(FUNDING_RATES, input.year, school.level as SchoolLevel);
  if (!rate) throw new AppError('RATE_NOT_SET', `No ${school.level} funding rate is set for ${input.year}.`);
  const here = await em.find(FundingEntry, { schoolId: input.schoolId, year: input.year }, { orderBy: { createdAt: 'asc', seq: 'asc' } });
  const studentIds = [...new Set(here.map((e) => e.studentId))];
  const history = studentIds.length ? await em.find(FundingEntry, { studentId: { $in: studentIds }, year: input.year }, { orderBy: { studentId: 'asc', seq: 'asc' } }) : [];
  const check = checkSchoolBalance(history.map(toLedgerEntry), FUNDING_RATES, input.schoolId, input.year);
  return {
    schoolId: input.schoolId,
    year: input.year,
    rateFen: rate.amountFen,
    rate: formatYuan(rate.amountFen),
    students: check.students,
    balanceFen: check.balanceFen,
    balance: formatYuan(check.balanceFen),
    expectedFen: check.expectedFen,
    expected: formatYuan(check.expectedFen),
    entries: here.map(toFundingEntryView),
    balanced: check.balanced,
  };
}
