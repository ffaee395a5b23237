import { hasRole } from '@edugraph/auth';
import type { Actor, Role } from '@edugraph/auth';
import { AppError } from './app-error.ts';

/** Refuses an anonymous caller (UNAUTHENTICATED) or one without any of the roles (FORBIDDEN). */
export function requireRole(actor: Actor, roles: Role[], action: string): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', `Sign in to ${action}.`);
  if (!hasRole(actor, ...roles)) throw new AppError('FORBIDDEN', `Only ${roles.join(' or ')} may ${action}.`);
}

/** Institution staff may act on their own institution only; bureau staff on any. */
export function requireInstitutionAccess(actor: Actor, institutionId: string, action: string): void {
  requireRole(actor, ['BUREAU_STAFF', 'INSTITUTION_STAFF'], action);
  if (!hasRole(actor, 'BUREAU_STAFF') && actor.institutionId !== institutionId) {
    throw new AppError('FORBIDDEN', `You may ${action} only for your own institution.`);
  }
}
