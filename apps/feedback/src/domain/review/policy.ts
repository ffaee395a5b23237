// The numbers of the 好差评 rules as data with their basis: another city changes them, not code.

export interface ReviewPolicy {
  /** Days after completion in which the applicant may rate the matter. */
  readonly ratingWindowDays: number;
  /** Working days in which the responsible office must call a bad reviewer back. */
  readonly callbackWorkingDays: number;
  /** Working days a fix by deadline (限期整改) may take, unless the office sets an earlier day. */
  readonly fixWorkingDays: number;
  /** A clock turns DUE_SOON this many working days before its day. */
  readonly dueSoonWorkingDays: number;
  /** Characters a comment, callback summary, explanation or appeal may hold. */
  readonly maxTextLength: number;
  readonly basis: string;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  ratingWindowDays: 30,
  callbackWorkingDays: 1,
  fixWorkingDays: 15,
  dueSoonWorkingDays: 2,
  maxTextLength: 2000,
  basis: '《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》(国办发〔2019〕51号): 差评件回访整改, 一般15个工作日内整改反馈',
};
