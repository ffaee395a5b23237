// Aid for students from families in economic difficulty. One table for every student of the city,
// local or migrant (DOMAIN.md §1: same criteria, same amounts), so there is no migrant table and
// nothing in a decision may read where the family's hukou is.
import { fen } from '@edugraph/rules';
import type { Fen } from '@edugraph/rules';
import type { SchoolLevel } from '../shared/index.ts';

export type AidLevelCode = 'MINIMUM_LIVING_ALLOWANCE' | 'EXTREME_POVERTY' | 'DISABILITY' | 'ORPHAN' | 'FINANCIAL_HARDSHIP';

/** Yearly amounts for one level of school. */
export interface AidAmounts {
  readonly boardingFen: Fen;
  readonly nonBoardingFen: Fen;
}

export interface AidLevel {
  readonly code: AidLevelCode;
  readonly label: string;
  readonly amounts: Readonly<Record<SchoolLevel, AidAmounts>>;
}

export interface AidCriteria {
  readonly year: number;
  readonly basis: string;
  readonly levels: readonly AidLevel[];
}

const BASIS =
  '义务教育家庭经济困难学生生活补助: boarding students ¥1,000 (primary) / ¥1,250 (junior) a year (national standard since ' +
  'autumn 2019); non-boarding students at half the boarding standard, ¥500 / ¥625 (学生资助资金管理办法, 财教〔2021〕310号). ' +
  'The five categories are the ones the city identifies as 家庭经济困难; all receive the standard, which a city may vary per level.';

const STANDARD: Readonly<Record<SchoolLevel, AidAmounts>> = {
  PRIMARY: { boardingFen: fen(100_000), nonBoardingFen: fen(50_000) },
  JUNIOR: { boardingFen: fen(125_000), nonBoardingFen: fen(62_500) },
};

function levels(): AidLevel[] {
  return [
    { code: 'MINIMUM_LIVING_ALLOWANCE', label: '最低生活保障家庭 (低保)', amounts: STANDARD },
    { code: 'EXTREME_POVERTY', label: '特困供养人员 (特困)', amounts: STANDARD },
    { code: 'DISABILITY', label: '残疾学生', amounts: STANDARD },
    { code: 'ORPHAN', label: '孤儿', amounts: STANDARD },
    { code: 'FINANCIAL_HARDSHIP', label: '其他家庭经济困难', amounts: STANDARD },
  ];
}

export const DEFAULT_AID_CRITERIA: readonly AidCriteria[] = [
  { year: 2026, basis: BASIS, levels: levels() },
  { year: 2027, basis: `${BASIS} 2027 carries 2026 over until the city publishes otherwise.`, levels: levels() },
];
