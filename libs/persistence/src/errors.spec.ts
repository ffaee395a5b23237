import { describe, expect, it } from 'vitest';
import { isTransientError, isUniqueViolation } from './errors.ts';

describe('database error classes', () => {
  it('treats lost connections, restarts and lost races as transient', () => {
    expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isTransientError(new Error('wrapped', { cause: Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }) }))).toBe(true);
  });

  it('treats bugs and constraint violations as permanent', () => {
    expect(isTransientError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isTransientError(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(true);
  });
});
