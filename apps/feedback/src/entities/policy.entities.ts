import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { baseProperties } from '@edugraph/persistence';

/**
 * A published policy (政策文件). Search reads title, number and body (see
 * application/policies/policy-search.sql.ts for the trigram index on PostgreSQL and the FTS5 table
 * on SQLite). Published once; `version` keeps a later correction from overwriting another's.
 */
export const PolicyRecord = defineEntity({
  name: 'PolicyRecord',
  tableName: 'policy',
  properties: {
    ...baseProperties(),
    title: p.string().length(200),
    issuer: p.string().length(100),
    number: p.string().length(60).unique(),
    issuedOn: p.string().length(10).nullable(),
    body: p.text(),
    publishedOn: p.string().length(10).index(),
    publishedBy: p.text(),
  },
});
export type PolicyRecord = InferEntity<typeof PolicyRecord>;

/** A policy's plain-language interpretation (宣传解读) for one audience. */
export const PolicyInterpretationRecord = defineEntity({
  name: 'PolicyInterpretationRecord',
  tableName: 'policy_interpretation',
  uniques: [{ properties: ['policyId', 'audience'] }],
  properties: {
    id: p.uuid().primary(),
    policyId: p.uuid().index(),
    audience: p.string().length(10).index(),
    plainText: p.text(),
  },
});
export type PolicyInterpretationRecord = InferEntity<typeof PolicyInterpretationRecord>;

// Schemas of different entity types in one list: their type parameters cannot be one type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const policyEntities: any[] = [PolicyRecord, PolicyInterpretationRecord];
