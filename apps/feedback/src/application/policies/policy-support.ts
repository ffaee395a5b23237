import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { RuleError } from '@edugraph/rules';
import { SQLITE_SEARCH_SQL } from './policy-search.sql.ts';
import type { SearchDialect } from './policy-search.sql.ts';

/** A use case's context plus the service's clock (today in Asia/Shanghai comes from it). */
export interface PolicyContext extends UseCaseContext {
  clock: () => Date;
}

/** A domain refusal as the error the caller sees: its code becomes extensions.code. */
export function refusal(error: RuleError<string>): AppError {
  return new AppError(error.code, error.message, error.details ? { ...error.details } : undefined);
}

/** Which database the unit of work talks to: the search SQL differs. */
export function dialectOf(em: EntityManager): SearchDialect {
  return em.getDriver().constructor.name.toLowerCase().includes('postgre') ? 'postgresql' : 'sqlite';
}

// SQLite connections whose FTS5 table is built (it lives as long as the connection).
const searchReady = new WeakSet<object>();

/**
 * SQLite: builds this connection's FTS5 table from the policy tables once (SQLITE_SEARCH_SQL is
 * idempotent, so two callers at once are harmless). PostgreSQL needs nothing here: its extension
 * and indexes come with the migration.
 */
export async function ensureSearchIndex(em: EntityManager): Promise<void> {
  if (dialectOf(em) !== 'sqlite') return;
  const connection = em.getConnection();
  if (searchReady.has(connection)) return;
  for (const sql of SQLITE_SEARCH_SQL) await connection.execute(sql, [], 'run');
  searchReady.add(connection);
}

/** A second publication of one document number that passed the check at the same moment. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as Error)?.name === 'UniqueConstraintViolationException';
}
