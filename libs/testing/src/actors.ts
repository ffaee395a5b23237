import type { Actor } from '@edugraph/auth';
import { creditCodeCheckCharacter } from '@edugraph/rules';

export const bureauStaff: Actor = { id: 'staff-1', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'BASIC_EDUCATION', creditCode: null };
/** Bureau staff of the policy and law office (政策法规与综合教育科), which runs licensing reviews. */
export const policyLawStaff: Actor = { id: 'staff-policy-law', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'POLICY_LAW', creditCode: null };
/** Staff of the Administrative Approval Bureau (市行政审批局). */
export const approvalBureauStaff: Actor = { id: 'approval-1', kind: 'person', roles: ['APPROVAL_BUREAU_STAFF'], institutionId: null, office: null, creditCode: null };
export const leadership: Actor = { id: 'leader-1', kind: 'person', roles: ['LEADERSHIP'], institutionId: null, office: null, creditCode: null };
export const parent: Actor = { id: 'parent-1', kind: 'person', roles: ['PARENT'], institutionId: null, office: null, creditCode: null };
export const anonymous: Actor = { id: 'anonymous', kind: 'anonymous', roles: [], institutionId: null, office: null, creditCode: null };
export function institutionStaff(institutionId: string): Actor {
  return { id: `staff-of-${institutionId}`, kind: 'person', roles: ['INSTITUTION_STAFF'], institutionId, office: null, creditCode: null };
}

/** A valid unified social credit code (GB 32100) from its first 17 characters, e.g. '52330100MJ000000'+n. */
export function creditCodeFrom(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

/** A sponsor (market entity) signed in as its organisation. */
export function sponsor(creditCode: string, id = `sponsor-${creditCode}`): Actor {
  return { id, kind: 'person', roles: ['MARKET_ENTITY'], institutionId: null, office: null, creditCode };
}
