import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * A major administrative decision (重大行政决策). The domain state is kept in columns, its four
 * steps as a short list (JSON). `commentCount` is raised in the commenter's transaction by an
 * atomic increment (never read-modify-write), so comments do not collide with staff's changes;
 * `version` makes two staff changing one decision at once go one after the other.
 */
export const DecisionRow = defineEntity({
  name: 'MajorDecision',
  tableName: 'major_decision',
  properties: {
    ...baseProperties(),
    title: p.string().length(200),
    summary: p.text(),
    affectsPublic: p.boolean(),
    office: p.string().length(40).nullable(),
    openedBy: p.text(),
    openedOn: p.string().length(10),
    status: p.string().length(12).index(),
    steps: p.json<{ step: string; documentRef: string; heldOn: string; recordedBy: string; office: string | null; recordedOn: string }[]>(),
    commentOpensOn: p.string().length(10).nullable(),
    commentClosesOn: p.string().length(10).nullable(),
    commentCount: p.integer().default(0),
    answer: p.text().nullable(),
    answeredOn: p.string().length(10).nullable(),
    answeredBy: p.text().nullable(),
    concludedOn: p.string().length(10).nullable(),
    concludedBy: p.text().nullable(),
  },
});
export type DecisionRow = InferEntity<typeof DecisionRow>;

/**
 * A comment on a decision's draft. Its author is kept for the rate limit's sake and the bureau's
 * own follow-up, and never shown outside the bureau or put in an event.
 */
export const DecisionCommentRow = defineEntity({
  name: 'MajorDecisionComment',
  tableName: 'major_decision_comment',
  properties: {
    id: p.uuid().primary(),
    decisionId: p.uuid().index(),
    authorId: p.text(),
    text: p.text(),
    commentedOn: p.string().length(10),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type DecisionCommentRow = InferEntity<typeof DecisionCommentRow>;

// Schemas of different entity types in one list: their type parameters cannot be one type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const decisionEntities: any[] = [DecisionRow, DecisionCommentRow];
