// The bureau's offices (科室) that answer reports and bad reviews, as data: a city renames or adds
// one by changing this table. Staff belong to an office by their sign-in's `office` claim.

export interface Office {
  readonly code: string;
  readonly name: string;
}

export const OFFICES: readonly Office[] = [
  { code: 'POLICY_LAW', name: '政策法规科（优化办）' },
  { code: 'BASIC_EDUCATION', name: '基础教育科' },
  { code: 'ADMISSIONS', name: '招生考试科' },
  { code: 'PRESCHOOL', name: '学前教育科' },
  { code: 'VOCATIONAL', name: '职业教育科' },
  { code: 'FINANCE_AUDIT', name: '财务审计科' },
  { code: 'SERVICE_HALL', name: '政务服务窗口' },
  { code: 'SUPERVISION', name: '督查室' },
];

/** The office that sees a tip-off's reporter and decides what nobody else may. */
export const SUPERVISION_OFFICE = 'SUPERVISION';

export function isOffice(code: string): boolean {
  return OFFICES.some((o) => o.code === code);
}
