// The numbers of 督促落实 (supervising the plan's measures) as data with their basis: another city
// changes them here, not in code.

export interface MeasurePolicy {
  /** A measure's clock turns DUE_SOON this many working days before its deadline. */
  readonly dueSoonWorkingDays: number;
  /** Characters a title may hold. */
  readonly maxTitleLength: number;
  /** Characters an expected result, note, evidence, reason or findings may hold. */
  readonly maxTextLength: number;
  readonly basis: string;
  readonly effectiveFrom: string;
}

export const DEFAULT_MEASURE_POLICY: MeasurePolicy = {
  dueSoonWorkingDays: 5,
  maxTitleLength: 200,
  maxTextLength: 2000,
  basis: '梅教发〔2019〕73号《梅河口市教育局营商环境优化提升工作实施方案》三（二）: 加强督促检查，实行跟踪问效；加大对各学校进一步优化营商环境举措的督促落实力度',
  effectiveFrom: '2019-01-01',
};
