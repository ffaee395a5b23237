import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';
import type { BadReviewCase, Appeal } from '../domain/review/index.ts';

/** The service-item catalogue ratings belong to: seeded, and learnt from the services' events. */
export const ServiceItemRecord = defineEntity({
  name: 'ServiceItemRecord',
  tableName: 'service_item',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(200),
    office: p.string().length(40),
    service: p.string().length(20),
  },
});
export type ServiceItemRecord = InferEntity<typeof ServiceItemRecord>;

/**
 * Something a service completed for a person, who may rate it once (一事一评). `sourceKey` names
 * the completion (service, its matter, its step) so a redelivered or replayed event invites once.
 */
export const ServiceMatter = defineEntity({
  name: 'ServiceMatter',
  tableName: 'service_matter',
  properties: {
    id: p.uuid().primary(),
    sourceKey: p.string().length(200).unique(),
    service: p.string().length(20),
    itemCode: p.string().length(40).index(),
    office: p.string().length(40),
    applicantId: p.text().index(),
    institutionId: p.uuid().nullable(),
    completedOn: p.string().length(10),
    closesOn: p.string().length(10),
    ratingId: p.uuid().nullable(),
    invitedAt: p.datetime(),
  },
});
export type ServiceMatter = InferEntity<typeof ServiceMatter>;

/** A bad review's case; its state is the domain's BadReviewCase, with columns to filter on. */
export const BadReviewCaseRecord = defineEntity({
  name: 'BadReviewCaseRecord',
  tableName: 'bad_review_case',
  properties: {
    ...baseProperties(),
    ratingId: p.uuid().unique(),
    matterId: p.uuid(),
    itemCode: p.string().length(40),
    office: p.string().length(40).index(),
    institutionId: p.uuid().nullable(),
    reviewerId: p.text(),
    status: p.string().length(20).index(),
    /** The day the running clock falls due (callback or fix); null when none runs. */
    dueOn: p.string().length(10).nullable(),
    state: p.json<BadReviewCase>(),
  },
});
export type BadReviewCaseRecord = InferEntity<typeof BadReviewCaseRecord>;

export const AppealRecord = defineEntity({
  name: 'AppealRecord',
  tableName: 'appeal',
  properties: {
    ...baseProperties(),
    ratingId: p.uuid().unique(),
    office: p.string().length(40),
    status: p.string().length(10).index(),
    filedBy: p.text(),
    state: p.json<Appeal>(),
    decidedAt: p.datetime().nullable(),
  },
});
export type AppealRecord = InferEntity<typeof AppealRecord>;



/**
 * The numbers of the 好差评 and report rules as data (kind REVIEW or REPORTS), each version with its
 * basis and the day it takes effect; the one in force on a day is the latest not after it.
 */
export const FeedbackPolicySetting = defineEntity({
  name: 'FeedbackPolicySetting',
  tableName: 'feedback_policy_setting',
  uniques: [{ properties: ['kind', 'effectiveOn'] }],
  properties: {
    id: p.uuid().primary(),
    kind: p.string().length(10),
    effectiveOn: p.string().length(10),
    document: p.json<Record<string, number>>(),
    basis: p.text(),
    setBy: p.text(),
    setAt: p.datetime(),
  },
});
export type FeedbackPolicySetting = InferEntity<typeof FeedbackPolicySetting>;
export const reviewEntities = [ServiceItemRecord, ServiceMatter, BadReviewCaseRecord, AppealRecord, FeedbackPolicySetting];
