import { z } from 'zod';

/**
 * Roles, one per kind of user the bureau serves. A person may hold several; a city system
 * (API key) holds the roles its key was issued with.
 */
export const ROLES = [
  'PARENT',
  'MARKET_ENTITY',
  'INSTITUTION_STAFF',
  'BUREAU_STAFF',
  'LEADERSHIP',
  'CITY_SYSTEM',
  /** Staff of the city's Administrative Approval Bureau (市行政审批局), which holds the licensing power. */
  'APPROVAL_BUREAU_STAFF',
  /** The data protection officer: reads the audit log of personal-data access (PIPL art. 52). */
  'DATA_PROTECTION_OFFICER',
] as const;
export type Role = (typeof ROLES)[number];

export const actorSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['anonymous', 'person', 'system']),
  roles: z.array(z.enum(ROLES)),
  /** Set for institution staff: the institution whose data they keep. */
  institutionId: z.string().nullable().default(null),
  /** Office (科室) of bureau staff, when known. */
  office: z.string().nullable().default(null),
  /** A market entity's (sponsor's) unified social credit code (GB 32100), checked at sign-in. */
  creditCode: z.string().nullable().default(null),
  /**
   * What a city or school system's API key may do beyond its roles, as `<permission>@<object id>`,
   * e.g. `catalogue:sync@<school id>`. People have none.
   */
  scopes: z.array(z.string().min(1)).max(100).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const ANONYMOUS: Actor = Object.freeze({ id: 'anonymous', kind: 'anonymous', roles: [], institutionId: null, office: null, creditCode: null }) as Actor;

/** True when the actor holds `<permission>@<objectId>` (an API key's scope). */
export function hasScope(actor: Actor, permission: string, objectId: string): boolean {
  return actor.scopes?.includes(`${permission}@${objectId}`) ?? false;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
