import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { AppError, requireRole } from '@edugraph/platform';

/** 招生办: the bureau office that verifies documents, runs rounds and keeps districts. */
export const ADMISSIONS_OFFICE = 'ADMISSIONS';

export function isAdmissions(actor: Actor): boolean {
  return hasRole(actor, 'BUREAU_STAFF') && actor.office === ADMISSIONS_OFFICE;
}

/** Bureau staff of the admissions office only; staff of another office get FORBIDDEN. */
export function requireAdmissions(actor: Actor, action: string): void {
  requireRole(actor, ['BUREAU_STAFF'], action);
  if (!isAdmissions(actor)) throw new AppError('FORBIDDEN', `Only the admissions office (招生办, office ${ADMISSIONS_OFFICE}) may ${action}; you are signed in for office ${actor.office ?? 'none'}.`);
}
