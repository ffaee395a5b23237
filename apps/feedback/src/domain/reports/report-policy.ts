// What the bureau's reports follow, as data: the categories a report is filed under (with the office
// that answers by default and the service item its answer is rated under), the reply deadline per
// kind, the reopening window and the warning before a deadline. A city changes this table, not code.

export const REPORT_CHANNELS = ['HOTLINE', 'MAILBOX', 'ONLINE', 'WINDOW', 'OPEN311'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Channels on which bureau staff take a report down on the caller's behalf. */
export const STAFF_CHANNELS: readonly ReportChannel[] = ['HOTLINE', 'MAILBOX', 'WINDOW'];

export const REPORT_KINDS = ['COMPLAINT', 'TIP_OFF', 'SUGGESTION'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['SUBMITTED', 'ASSIGNED', 'CLOSED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportCategory {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  /** The service item (事项目录) the reporter's rating of the answer counts under. */
  readonly serviceItem: string;
  /** The office (see offices.ts) a report of this category goes to unless staff choose another. */
  readonly defaultOffice: string;
  /** Open311 `group`: categories shown together in a city app. */
  readonly group: string;
  readonly keywords: readonly string[];
}

/** 教育投诉举报办理: the item every answered report is rated under, unless its category says otherwise. */
const REPORT_HANDLING_ITEM = 'JY-TS-001';

export const REPORT_CATEGORIES: readonly ReportCategory[] = [
  {
    code: 'ENROLMENT',
    name: '入学入园',
    description: '义务教育入学、随迁子女就学、幼儿园入园的报名、审核与派位',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'ADMISSIONS',
    group: '教育服务',
    keywords: ['入学', '入园', '随迁子女', '派位'],
  },
  {
    code: 'FEES',
    name: '收费',
    description: '学校、幼儿园及校外培训机构的收费项目、标准与退费',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'FINANCE_AUDIT',
    group: '教育服务',
    keywords: ['收费', '乱收费', '退费'],
  },
  {
    code: 'CAMPUS_SAFETY',
    name: '校园安全',
    description: '校舍、食品、交通、欺凌等校园安全问题',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'BASIC_EDUCATION',
    group: '教育服务',
    keywords: ['安全', '食堂', '校车', '欺凌'],
  },
  {
    code: 'TEACHER_CONDUCT',
    name: '师德师风',
    description: '教师有偿补课、体罚、收受礼品等违反师德的行为',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'BASIC_EDUCATION',
    group: '教育服务',
    keywords: ['师德', '有偿补课', '体罚'],
  },
  {
    code: 'PRIVATE_SCHOOL_APPROVAL',
    name: '民办学校审批',
    description: '民办学校筹设、设立、变更、终止等审批与备案的办理',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'POLICY_LAW',
    group: '政务服务',
    keywords: ['民办学校', '审批', '办学许可'],
  },
  {
    code: 'SUBSIDY',
    name: '补助发放',
    description: '学生资助、普惠性幼儿园补助等的申请与发放',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'FINANCE_AUDIT',
    group: '政务服务',
    keywords: ['补助', '资助', '发放'],
  },
  {
    code: 'BENDING_RULES',
    name: '搞变通',
    description: '对市委市政府决策部署搞变通、打擦边球、选择性执行',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'SUPERVISION',
    group: '作风建设',
    keywords: ['搞变通', '决策落实', '作风'],
  },
  {
    code: 'WATERING_DOWN',
    name: '打折扣',
    description: '对市委市政府决策部署降低标准、敷衍应付、落实不到位',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'SUPERVISION',
    group: '作风建设',
    keywords: ['打折扣', '决策落实', '作风'],
  },
  {
    code: 'BLOCKING',
    name: '设路障',
    description: '对市委市政府决策部署设置障碍、推诿扯皮、吃拿卡要',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'SUPERVISION',
    group: '作风建设',
    keywords: ['设路障', '推诿', '吃拿卡要', '作风'],
  },
  {
    code: 'SERVICE_WINDOW',
    name: '窗口服务',
    description: '政务服务窗口的办事效率、服务态度与一次性告知',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'SERVICE_HALL',
    group: '政务服务',
    keywords: ['窗口', '服务态度', '办事效率'],
  },
  {
    code: 'OTHER',
    name: '其他',
    description: '以上类别之外的教育事项',
    serviceItem: REPORT_HANDLING_ITEM,
    defaultOffice: 'SUPERVISION',
    group: '其他',
    keywords: ['其他'],
  },
];

export function findCategory(code: string, categories: readonly ReportCategory[] = REPORT_CATEGORIES): ReportCategory | undefined {
  return categories.find((c) => c.code === code);
}

export interface ReportPolicy {
  /** Working days from assignment (or reopening) to the reply, per kind. */
  readonly replyWorkingDays: Readonly<Record<ReportKind, number>>;
  /** A report turns DUE_SOON this many working days before its deadline. */
  readonly dueSoonWorkingDays: number;
  /** Calendar days after closing in which the reporter may say "not fixed". */
  readonly reopenWithinDays: number;
  /** How often a report may be reopened. */
  readonly reopenLimit: number;
  readonly basis: string;
  readonly effectiveFrom: string;
}

export const DEFAULT_REPORT_POLICY: ReportPolicy = {
  replyWorkingDays: { COMPLAINT: 15, TIP_OFF: 30, SUGGESTION: 20 },
  dueSoonWorkingDays: 2,
  reopenWithinDays: 30,
  reopenLimit: 1,
  basis: '《信访工作条例》第三十二条、第三十五条；市教育局投诉举报办理规程',
  effectiveFrom: '2026-01-01',
};

/** Field limits: the columns' lengths. */
export const REPORT_LIMITS = {
  subject: 200,
  body: 5000,
  reply: 5000,
  reason: 2000,
  name: 100,
  phone: 40,
  email: 200,
  address: 300,
} as const;
