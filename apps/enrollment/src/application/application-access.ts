import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { AppError, requireRole } from '@edugraph/platform';
import { isAdmissions } from './admissions-access.ts';

/** The guardian who applied (PARENT, by sign-in id). */
export const isOwner = (actor: Actor, guardianId: string) => hasRole(actor, 'PARENT') && actor.id === guardianId;

/** The owner and the admissions office read an application; nobody else, not even other bureau offices. */
export function requireApplicationReader(actor: Actor, guardianId: string): void {
  requireRole(actor, ['PARENT', 'BUREAU_STAFF', 'INSTITUTION_STAFF'], 'read applications');
  if (!isOwner(actor, guardianId) && !isAdmissions(actor)) throw new AppError('FORBIDDEN', 'This application is another family’s; only its guardian and the admissions office may read it.');
}

export function requireOwner(actor: Actor, guardianId: string, action: string): void {
  requireRole(actor, ['PARENT'], action);
  if (actor.id !== guardianId) throw new AppError('FORBIDDEN', `This application is another family’s; you may ${action} only on your own.`);
}
