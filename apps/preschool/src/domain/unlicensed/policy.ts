// When a rectification deadline is flagged "due soon" is the city's choice: data with its basis.
export interface UnlicensedPolicy {
  readonly effectiveFrom: number;
  readonly dueSoonDays: number;
  readonly basis: string;
}

export const DEFAULT_UNLICENSED_POLICY: UnlicensedPolicy = {
  effectiveFrom: 2026,
  dueSoonDays: 7,
  basis: 'City 无证幼儿园治理 work plan: a week of warning before a rectification deadline, so re-inspection is scheduled in time (中发〔2018〕39号 asks for 分类治理 of unlicensed kindergartens).',
};
