import type { Audience } from '../../domain/policies/index.ts';
import type { PolicyInterpretationRecord, PolicyRecord } from '../../entities/policy.entities.ts';

export interface InterpretationView {
  id: string;
  audience: Audience;
  plainText: string;
}

export interface PolicyView {
  id: string;
  title: string;
  issuer: string;
  number: string;
  issuedOn: string | null;
  body: string;
  publishedOn: string;
  interpretations: InterpretationView[];
  /** The search rank (see SEARCH_WEIGHTS); null when not found by a search. */
  rank: number | null;
}

const AUDIENCE_ORDER: readonly string[] = ['PARENTS', 'SCHOOLS', 'SPONSORS', 'PUBLIC'];

export function toPolicyView(row: PolicyRecord, interpretations: readonly PolicyInterpretationRecord[], rank: number | null = null): PolicyView {
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    number: row.number,
    issuedOn: row.issuedOn ?? null,
    body: row.body,
    publishedOn: row.publishedOn,
    interpretations: interpretations
      .filter((i) => i.policyId === row.id)
      .sort((a, b) => AUDIENCE_ORDER.indexOf(a.audience) - AUDIENCE_ORDER.indexOf(b.audience))
      .map((i) => ({ id: i.id, audience: i.audience as Audience, plainText: i.plainText })),
    rank,
  };
}
