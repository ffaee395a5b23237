// What a major administrative decision (重大行政决策) follows, as data: the four statutory steps and
// their order, the public comment period, how often one person may comment, and the field limits.
// A city changes this table, not code.

export const DECISION_STEPS = ['EXPERT_ARGUMENT', 'RISK_ASSESSMENT', 'LEGALITY_REVIEW', 'COLLECTIVE_DISCUSSION'] as const;
export type DecisionStep = (typeof DECISION_STEPS)[number];

export const DECISION_STEP_NAMES: Readonly<Record<DecisionStep, string>> = {
  EXPERT_ARGUMENT: '专家论证',
  RISK_ASSESSMENT: '风险评估',
  LEGALITY_REVIEW: '合法性审查',
  COLLECTIVE_DISCUSSION: '集体讨论决定',
};

export const DECISION_STATUSES = ['OPEN', 'CONCLUDED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Where a decision's public comment period stands on a day. */
export type CommentPeriodState = 'NOT_REQUIRED' | 'NOT_OPENED' | 'OPEN' | 'CLOSED';

export interface DecisionPolicy {
  /** Steps that must be held after another one: `step` no earlier than (and recorded after) `after`. */
  readonly order: readonly { readonly step: DecisionStep; readonly after: DecisionStep }[];
  /** Days a public comment period runs after the day it opens (comments are taken through its last day). */
  readonly commentPeriodDays: number;
  /** Comments one person may make, across decisions, within `commentWindowSeconds`. */
  readonly commentsPerPerson: number;
  readonly commentWindowSeconds: number;
  readonly basis: string;
  readonly effectiveFrom: string;
}

export const DEFAULT_DECISION_POLICY: DecisionPolicy = {
  order: [{ step: 'COLLECTIVE_DISCUSSION', after: 'LEGALITY_REVIEW' }],
  commentPeriodDays: 30,
  commentsPerPerson: 5,
  commentWindowSeconds: 3600,
  basis: '《重大行政决策程序暂行条例》（国务院令第713号）第十四条（公开征求意见期限一般不少于30日）、第二十五条（未经合法性审查的不得提交讨论）；市教育局优化营商环境实施方案',
  effectiveFrom: '2019-09-01',
};

/** Field limits: what a person may type, in characters. */
export const DECISION_LIMITS = {
  title: 200,
  summary: 10_000,
  answer: 10_000,
  comment: 2_000,
  documentRef: 200,
} as const;
