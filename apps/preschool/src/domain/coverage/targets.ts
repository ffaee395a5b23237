// The city's coverage targets are data with their basis and year, in per-mille integers so that
// comparisons are exact integer arithmetic (900‰ = 90%), never floating point.
export interface CoverageTarget {
  readonly year: number;
  /** 学前三年毛入园率 target, measured here as places per child aged 3–6 (‰). */
  readonly coveragePerMille: number;
  /** 普惠性幼儿园覆盖率 target, measured here as inclusive places per place (‰). */
  readonly inclusivePerMille: number;
  readonly basis: string;
}

const PLAN =
  '《"十四五"学前教育发展提升行动计划》(教基〔2021〕8号): by 2025 学前三年毛入园率 above 90% and 普惠性幼儿园覆盖率 above 85%';

export const DEFAULT_COVERAGE_TARGETS: readonly CoverageTarget[] = [
  { year: 2025, coveragePerMille: 900, inclusivePerMille: 850, basis: PLAN },
  { year: 2026, coveragePerMille: 900, inclusivePerMille: 850, basis: `${PLAN}; the city keeps the 2025 targets until its next plan.` },
  { year: 2027, coveragePerMille: 900, inclusivePerMille: 850, basis: `${PLAN}; the city keeps the 2025 targets until its next plan.` },
];

export function coverageTarget(targets: readonly CoverageTarget[], year: number): CoverageTarget | undefined {
  return targets.find((t) => t.year === year);
}
