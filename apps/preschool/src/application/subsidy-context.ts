import type { EntityManager } from '@mikro-orm/core';
import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { isUniqueViolation } from '@edugraph/persistence';
import { AppError, requireRole } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import type { RuleError } from '../domain/index.ts';
import { Kindergarten } from '../entities/kindergarten.entity.ts';

/** A use case's context plus today's date in Asia/Shanghai (from the injected clock). */
export interface PreschoolContext extends UseCaseContext {
  today: CalendarDate;
}

/** 财审科: the bureau's finance and audit office, which approves subsidies and records the finance bureau's payments. */
export const FINANCE_AUDIT_OFFICE = 'FINANCE_AUDIT';

export function isFinanceAudit(actor: Actor): boolean {
  return hasRole(actor, 'BUREAU_STAFF') && actor.office === FINANCE_AUDIT_OFFICE;
}

/** Bureau staff of the finance and audit office only; staff of another office get FORBIDDEN. */
export function requireFinanceAudit(actor: Actor, action: string): void {
  requireRole(actor, ['BUREAU_STAFF'], action);
  if (!isFinanceAudit(actor)) {
    throw new AppError('FORBIDDEN', `Only the finance and audit office (财审科, office ${FINANCE_AUDIT_OFFICE}) may ${action}; you are signed in for office ${actor.office ?? 'none'}.`);
  }
}

/** A domain refusal as the caller sees it: its code becomes extensions.code. */
export function refusal(error: RuleError<string>): AppError {
  return new AppError(error.code, error.message, error.details ? { ...error.details } : undefined);
}

export async function loadKindergarten(tx: EntityManager, kindergartenId: string): Promise<Kindergarten> {
  const k = await tx.findOne(Kindergarten, { institutionId: kindergartenId });
  if (!k) throw new AppError('NOT_FOUND', 'No kindergarten with this institution id is known to preschool (is it registered as PRESCHOOL?).');
  return k;
}

/**
 * Runs one change in its own transaction: the state change and its outbox rows commit together or
 * not at all. Two changes at once conflict on a row's version or on a ledger's (kindergarten, year,
 * seq) key: the loser gets CONFLICT and may simply try again.
 */
export async function inTransaction<T>(ctx: PreschoolContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.fork().transactional(work);
  } catch (error) {
    if (isUniqueViolation(error) || (error as Error).name === 'OptimisticLockError') {
      throw new AppError('CONFLICT', 'The kindergarten or its subsidy was changed by someone else at the same moment; reload and try again.');
    }
    throw error;
  }
}
