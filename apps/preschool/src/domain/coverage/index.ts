// Public API of coverage: targets (data), exact ratios, the district report and planning gaps.
export { DEFAULT_COVERAGE_TARGETS, coverageTarget } from './targets.ts';
export type { CoverageTarget } from './targets.ts';
export { ratio, meets, ceilDiv } from './ratio.ts';
export type { Ratio } from './ratio.ts';
export { coverageReport, planningGaps, checkChildCount } from './coverage.ts';
export type { ChildCount, DistrictCoverage, CoverageReport, PlanningGap } from './coverage.ts';
