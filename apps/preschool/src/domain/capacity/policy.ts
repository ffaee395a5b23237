// How early a milestone or project is flagged "due soon" is a management choice of the city, kept
// as data with its basis so a city can replace it.
export interface CapacityPolicy {
  readonly effectiveFrom: number;
  readonly dueSoonDays: number;
  readonly basis: string;
}

export const DEFAULT_CAPACITY_POLICY: CapacityPolicy = {
  effectiveFrom: 2026,
  dueSoonDays: 30,
  basis: 'City education bureau project supervision practice: a month of warning before a planned date (《"十四五"学前教育发展提升行动计划》 asks for 项目化推进 and 动态监测 of new places).',
};
