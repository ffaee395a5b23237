import type { Actor } from '@edugraph/auth';

export const bureauStaff: Actor = { id: 'staff-1', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'BASIC_EDUCATION' };
export const parent: Actor = { id: 'parent-1', kind: 'person', roles: ['PARENT'], institutionId: null, office: null };
export const anonymous: Actor = { id: 'anonymous', kind: 'anonymous', roles: [], institutionId: null, office: null };
export function institutionStaff(institutionId: string): Actor {
  return { id: `staff-of-${institutionId}`, kind: 'person', roles: ['INSTITUTION_STAFF'], institutionId, office: null };
}
