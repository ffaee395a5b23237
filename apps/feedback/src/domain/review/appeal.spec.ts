import { describe, expect, it } from 'vitest';
import type { Result } from '@edugraph/rules';
import { decideAppeal, fileAppeal } from './appeal.ts';
import type { Appeal, AppealError } from './appeal.ts';
import { DEFAULT_REVIEW_POLICY } from './policy.ts';

const MAX = DEFAULT_REVIEW_POLICY.maxTextLength;
const REVIEWED = 'office-enrolment';
const OTHER = 'office-supervision';

function value<T>(result: Result<T, AppealError>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function refusal(result: Result<unknown, AppealError>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const pending = (): Appeal => value(fileAppeal(REVIEWED, REVIEWED, '评价人并未办理该事项', MAX));

describe('fileAppeal', () => {
  it('files a pending appeal of the office reviewed, with the grounds trimmed', () => {
    expect(fileAppeal(REVIEWED, REVIEWED, '  评价人并未办理该事项\n', MAX)).toEqual({
      ok: true,
      value: { status: 'PENDING', office: REVIEWED, grounds: '评价人并未办理该事项', decidedBy: null, decidingOffice: null, reason: null },
    });
  });

  it('lets only the office reviewed appeal, and names it', () => {
    const error = refusal(fileAppeal(REVIEWED, OTHER, 'grounds', MAX));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain(`Only the office reviewed (${REVIEWED})`);
  });

  it('refuses someone of no office', () => {
    expect(refusal(fileAppeal(REVIEWED, null, 'grounds', MAX)).code).toBe('FORBIDDEN');
  });

  it('checks who appeals before what they wrote', () => {
    expect(refusal(fileAppeal(REVIEWED, OTHER, '', MAX)).code).toBe('FORBIDDEN');
  });

  it.each(['', '   ', '\n\t'])('refuses empty grounds %j', (grounds) => {
    const error = refusal(fileAppeal(REVIEWED, REVIEWED, grounds, MAX));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^grounds must say why/);
  });

  it('counts the grounds in characters, not UTF-16 units (𠮷 is one)', () => {
    expect('𠮷'.length).toBe(2);
    expect(value(fileAppeal(REVIEWED, REVIEWED, '𠮷'.repeat(MAX), MAX)).grounds).toBe('𠮷'.repeat(MAX));
    const error = refusal(fileAppeal(REVIEWED, REVIEWED, '𠮷'.repeat(MAX + 1), MAX));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`grounds must be at most ${MAX} characters`);
  });

  it('does not count the whitespace it trims', () => {
    expect(fileAppeal(REVIEWED, REVIEWED, ` ${'a'.repeat(10)} `, 10).ok).toBe(true);
    expect(fileAppeal(REVIEWED, REVIEWED, 'a'.repeat(11), 10).ok).toBe(false);
  });
});

describe('decideAppeal', () => {
  it('upholds an appeal, recording who decided, for which office, and why', () => {
    expect(decideAppeal(pending(), { id: 'staff-7', office: OTHER }, true, '  核实为误评 ', MAX)).toEqual({
      ok: true,
      value: { status: 'UPHELD', office: REVIEWED, grounds: '评价人并未办理该事项', decidedBy: 'staff-7', decidingOffice: OTHER, reason: '核实为误评' },
    });
  });

  it('rejects an appeal the same way', () => {
    const decided = value(decideAppeal(pending(), { id: 'staff-7', office: OTHER }, false, '评价属实', MAX));
    expect(decided).toMatchObject({ status: 'REJECTED', decidedBy: 'staff-7', decidingOffice: OTHER, reason: '评价属实' });
  });

  it('leaves the pending appeal it was given unchanged', () => {
    const appeal = pending();
    decideAppeal(appeal, { id: 'staff-7', office: OTHER }, true, 'reason', MAX);
    expect(appeal.status).toBe('PENDING');
    expect(appeal.decidedBy).toBeNull();
  });

  it('does not let the office reviewed decide its own appeal', () => {
    const error = refusal(decideAppeal(pending(), { id: 'staff-1', office: REVIEWED }, true, 'reason', MAX));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(`Staff of ${REVIEWED}, the office reviewed, may not decide its own appeal`);
  });

  it('does not let someone of no office decide', () => {
    const error = refusal(decideAppeal(pending(), { id: 'admin', office: null }, true, 'reason', MAX));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/Only staff of an office/);
  });

  it.each([true, false])('refuses to decide an appeal already decided (upheld: %s)', (upheld) => {
    const decided = value(decideAppeal(pending(), { id: 'staff-7', office: OTHER }, upheld, 'reason', MAX));
    const error = refusal(decideAppeal(decided, { id: 'staff-8', office: 'office-third' }, !upheld, 'again', MAX));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain(upheld ? '(UPHELD)' : '(REJECTED)');
  });

  it('checks the state before who decides, and who decides before the reason', () => {
    const decided = value(decideAppeal(pending(), { id: 'staff-7', office: OTHER }, true, 'reason', MAX));
    expect(refusal(decideAppeal(decided, { id: 'staff-1', office: REVIEWED }, true, '', MAX)).code).toBe('INVALID_STATE');
    expect(refusal(decideAppeal(pending(), { id: 'staff-1', office: REVIEWED }, true, '', MAX)).code).toBe('FORBIDDEN');
  });

  it.each(['', '  '])('refuses an empty reason %j', (reason) => {
    const error = refusal(decideAppeal(pending(), { id: 'staff-7', office: OTHER }, true, reason, MAX));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^reason must say why/);
  });

  it('counts the reason in characters, not UTF-16 units', () => {
    expect(decideAppeal(pending(), { id: 'staff-7', office: OTHER }, true, '𠮷'.repeat(MAX), MAX).ok).toBe(true);
    const error = refusal(decideAppeal(pending(), { id: 'staff-7', office: OTHER }, true, '𠮷'.repeat(MAX + 1), MAX));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`reason must be at most ${MAX} characters`);
  });
});
