import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { AppError, requireRole } from '@edugraph/platform';
import type { Authority } from '../domain/matter/index.ts';

/** The office of the education bureau that gives licensing opinions and decides where the bureau decides. */
export const POLICY_LAW_OFFICE = 'POLICY_LAW';

/** Bureau staff, leadership and the approval bureau see every matter; a sponsor its own. */
export function canReadMatter(actor: Actor, applicantCreditCode: string): boolean {
  if (hasRole(actor, 'BUREAU_STAFF', 'LEADERSHIP', 'APPROVAL_BUREAU_STAFF')) return true;
  return hasRole(actor, 'MARKET_ENTITY') && actor.creditCode === applicantCreditCode;
}

export function requireMatterReader(actor: Actor, applicantCreditCode: string): void {
  requireRole(actor, ['MARKET_ENTITY', 'BUREAU_STAFF', 'LEADERSHIP', 'APPROVAL_BUREAU_STAFF'], 'read licensing matters');
  if (!canReadMatter(actor, applicantCreditCode)) throw new AppError('FORBIDDEN', 'This matter belongs to another sponsor.');
}

/** The sponsor organisation acting: a market entity with its credit code. */
export function requireSponsor(actor: Actor, action: string): string {
  requireRole(actor, ['MARKET_ENTITY'], action);
  if (!actor.creditCode) throw new AppError('FORBIDDEN', `Sign in as your organisation (with its credit code) to ${action}.`);
  return actor.creditCode;
}

/** Only the organisation that applied acts on its matter. */
export function requireApplicant(actor: Actor, applicantCreditCode: string, action: string): void {
  if (requireSponsor(actor, action) !== applicantCreditCode) throw new AppError('FORBIDDEN', `This matter belongs to another sponsor; you may ${action} only on your own.`);
}

/** Pre-review, acceptance and the clock: the window staff of either authority. */
export function requireLicensingStaff(actor: Actor, action: string): void {
  requireRole(actor, ['BUREAU_STAFF', 'APPROVAL_BUREAU_STAFF'], action);
}

/** The education bureau's own part: review opinions and inspections (it 配合s the approval bureau). */
export function requireEducationBureau(actor: Actor, action: string): void {
  requireRole(actor, ['BUREAU_STAFF'], action);
}

/** The deciding authority's staff: the approval bureau's, or the education bureau's policy and law office. */
export function requireDecider(actor: Actor, authority: Authority, action: string): void {
  requireRole(actor, ['APPROVAL_BUREAU_STAFF', 'BUREAU_STAFF'], action);
  const allowed = authority === 'APPROVAL_BUREAU' ? hasRole(actor, 'APPROVAL_BUREAU_STAFF') : hasRole(actor, 'BUREAU_STAFF') && actor.office === POLICY_LAW_OFFICE;
  if (!allowed) {
    const who = authority === 'APPROVAL_BUREAU' ? 'the Administrative Approval Bureau (APPROVAL_BUREAU_STAFF)' : `the education bureau’s policy and law office (BUREAU_STAFF, office ${POLICY_LAW_OFFICE})`;
    throw new AppError('FORBIDDEN', `Only staff of ${who} may ${action} for this matter type.`);
  }
}
