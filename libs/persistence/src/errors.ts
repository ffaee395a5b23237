/** True when the database refused a row because a unique constraint already holds that key. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string };
  return (
    e?.name === 'UniqueConstraintViolationException' ||
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed|duplicate key value/.test(e?.message ?? '')
  );
}

const TRANSIENT_NAMES = new Set(['ConnectionException', 'LockWaitTimeoutException', 'DeadlockException', 'OptimisticLockError']);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'SQLITE_BUSY', 'SQLITE_LOCKED', '40001', '40P01', '53300', '57P01', '57P02', '57P03']);

/**
 * True for failures that say nothing about the work itself — the database is unreachable,
 * restarting, overloaded, or a concurrent transaction won — so the same work should be tried again.
 */
export function isTransientError(error: unknown): boolean {
  for (let e = error as { name?: string; code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (TRANSIENT_NAMES.has(e.name ?? '') || TRANSIENT_CODES.has(e.code ?? '') || (e.code ?? '').startsWith('08')) return true;
  }
  return false;
}
