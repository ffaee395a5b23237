// The service-item catalogue (事项目录) ratings belong to, as seed data: licensing's published
// items and the other services' items, each with the office responsible. Items a service completes
// that are not here are learnt from its events (their code and office), named by their code.

export interface ServiceItem {
  readonly code: string;
  readonly name: string;
  readonly office: string;
  /** The service whose completed matters are rated under this item. */
  readonly service: 'licensing' | 'enrollment' | 'preschool' | 'feedback';
}

export const SEED_SERVICE_ITEMS: readonly ServiceItem[] = [
  { code: 'JY-XK-001', name: '民办学校筹设审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-002', name: '民办学校正式设立审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-003', name: '民办学校分立审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-004', name: '民办学校合并审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-005', name: '民办学校终止审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-006', name: '民办学校名称变更审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-007', name: '民办学校层次、类别变更审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-008', name: '民办学校办学地址变更审批', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-XK-009', name: '民办学校举办者变更核准', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-BA-001', name: '民办学校章程修改备案', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-BA-002', name: '民办学校法人举办者控股股东变更备案', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-BA-003', name: '民办学校设立分校备案', office: 'POLICY_LAW', service: 'licensing' },
  { code: 'JY-RX-001', name: '随迁子女义务教育入学', office: 'ADMISSIONS', service: 'enrollment' },
  { code: 'JY-RX-002', name: '随迁子女入学报到', office: 'ADMISSIONS', service: 'enrollment' },
  { code: 'JY-ZZ-001', name: '家庭经济困难学生资助', office: 'FINANCE_AUDIT', service: 'enrollment' },
  { code: 'JY-XQ-001', name: '普惠性民办幼儿园补助发放', office: 'PRESCHOOL', service: 'preschool' },
  { code: 'JY-TS-001', name: '教育投诉举报办理', office: 'SUPERVISION', service: 'feedback' },
];

/** The item an enrollment application's completed step is rated under. */
export const ENROLLMENT_STEP_ITEMS: Readonly<Record<string, string>> = { PLACEMENT: 'JY-RX-001', ENROLMENT: 'JY-RX-002', AID: 'JY-ZZ-001' };

/** The item a disbursed inclusive-kindergarten subsidy is rated under. */
export const SUBSIDY_ITEM = 'JY-XQ-001';
