import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '@edugraph/rules';
import type { CalendarDate, Result } from '@edugraph/rules';
import {
  clockOf,
  clockToAnnounce,
  completeRectification,
  daysToFix,
  dueOnOf,
  openCase,
  rateFix,
  recordCallback,
  resolveCase,
  withdrawCase,
} from './bad-review-case.ts';
import type { BadReviewCase, CaseContext, CaseError, ResolveInput } from './bad-review-case.ts';
import { REVIEW_LEVELS } from './levels.ts';
import { DEFAULT_REVIEW_POLICY } from './policy.ts';
import type { ReviewPolicy } from './policy.ts';

// 2026 (国务院办公厅 notice of 4 Nov 2025): 中秋节 09-25..27 (Fri–Sun), 国庆节 10-01..07,
// make-up working days Sunday 09-20 and Saturday 10-10. 2026-09-30 is a Wednesday.
const calendar = createWorkingDayCalendar();
const OFFICE = 'office-enrolment';
const MAX = DEFAULT_REVIEW_POLICY.maxTextLength;

const ctx = (today: CalendarDate, policy: Partial<ReviewPolicy> = {}): CaseContext => ({ today, calendar, policy: { ...DEFAULT_REVIEW_POLICY, ...policy } });

function value<T>(result: Result<T, CaseError>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function refusal(result: Result<unknown, CaseError>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const callback = { contactedAt: '2026-10-08T10:30:00+08:00', summary: '已电话联系评价人, 了解情况', by: 'staff-3' };
const fixByDeadline: ResolveInput = { resolution: 'FIX_BY_DEADLINE', rectification: { measures: '增设导办岗', owner: '王科长' } };

/** Opened 2026-09-30, its callback due 2026-10-08. */
const opened = () => value(openCase('VERY_DISSATISFIED', OFFICE, ctx('2026-09-30')));
/** Called back on 2026-10-08. */
const calledBack = () => value(recordCallback(opened(), callback, ctx('2026-10-08')));
/** Resolved on 2026-10-08 to be fixed by 2026-10-28 (15 working days). */
const rectifying = () => value(resolveCase(calledBack(), fixByDeadline, ctx('2026-10-08')));
/** Fixed at once on 2026-10-08. */
const fixedAtOnce = () => value(resolveCase(calledBack(), { resolution: 'FIXED_IMMEDIATELY' }, ctx('2026-10-08')));
const explained = () => value(resolveCase(calledBack(), { resolution: 'EXPLAINED', explanation: '依规定须本人到场' }, ctx('2026-10-08')));
const rated = () => value(rateFix(fixedAtOnce(), 'SATISFIED'));
const withdrawn = () => withdrawCase(opened());

describe('calendar assumptions', () => {
  it('knows the 2026 National Day week and its make-up working days', () => {
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });
});

describe('openCase', () => {
  it.each(['DISSATISFIED', 'VERY_DISSATISFIED'] as const)('opens a case for %s awaiting its callback, nothing else yet', (level) => {
    expect(openCase(level, OFFICE, ctx('2026-11-24'))).toEqual({
      ok: true,
      value: {
        status: 'AWAITING_CALLBACK',
        office: OFFICE,
        openedOn: '2026-11-24',
        callbackDueOn: '2026-11-25',
        callback: null,
        resolution: null,
        explanation: null,
        rectification: null,
        fixedOn: null,
        reviewLevel: null,
        announced: null,
      },
    });
  });

  it.each(['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED'] as const)('opens no case for %s', (level) => {
    const error = refusal(openCase(level, OFFICE, ctx('2026-11-24')));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain('不满意, 非常不满意');
  });

  it('makes a review on the eve of National Day due on the first working day after the holiday', () => {
    expect(opened().callbackDueOn).toBe('2026-10-08');
  });

  it('makes a review during the holiday due on the first working day after it', () => {
    expect(value(openCase('DISSATISFIED', OFFICE, ctx('2026-10-03'))).callbackDueOn).toBe('2026-10-08');
  });

  it('skips the Mid-Autumn long weekend', () => {
    expect(value(openCase('DISSATISFIED', OFFICE, ctx('2026-09-24'))).callbackDueOn).toBe('2026-09-28');
  });

  it('counts a make-up Sunday as a working day', () => {
    expect(value(openCase('DISSATISFIED', OFFICE, ctx('2026-09-18'))).callbackDueOn).toBe('2026-09-20');
  });

  it('takes the callback days from the policy', () => {
    expect(value(openCase('DISSATISFIED', OFFICE, ctx('2026-09-30', { callbackWorkingDays: 3 }))).callbackDueOn).toBe('2026-10-10');
  });
});

describe('recordCallback', () => {
  it('records the callback, with the time as an instant and the summary trimmed', () => {
    const c = value(recordCallback(opened(), { ...callback, summary: '  已联系评价人\n' }, ctx('2026-10-08')));
    expect(c.status).toBe('CALLED_BACK');
    expect(c.callback).toEqual({ contactedAt: '2026-10-08T02:30:00.000Z', summary: '已联系评价人', by: 'staff-3' });
    expect(c).toMatchObject({ office: OFFICE, openedOn: '2026-09-30', callbackDueOn: '2026-10-08', resolution: null, fixedOn: null });
  });

  it('leaves the case it was given unchanged', () => {
    const c = opened();
    recordCallback(c, callback, ctx('2026-10-08'));
    expect(c.status).toBe('AWAITING_CALLBACK');
    expect(c.callback).toBeNull();
  });

  it('accepts a late callback', () => {
    expect(value(recordCallback(opened(), { ...callback, contactedAt: '2026-10-20T09:00:00+08:00' }, ctx('2026-10-20'))).status).toBe('CALLED_BACK');
  });

  it('accepts a callback on the day of the review', () => {
    expect(recordCallback(opened(), { ...callback, contactedAt: '2026-09-30T00:00:00+08:00' }, ctx('2026-09-30')).ok).toBe(true);
  });

  it.each([
    ['CALLED_BACK', calledBack],
    ['RECTIFYING', rectifying],
    ['AWAITING_REVIEW', fixedAtOnce],
    ['CLOSED', explained],
  ] as const)('refuses a case that is %s', (status, make) => {
    const error = refusal(recordCallback(make(), callback, ctx('2026-10-20')));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain(`(the case is ${status})`);
  });

  it.each([
    ['a callback', () => recordCallback(withdrawn(), callback, ctx('2026-10-20'))],
    ['a resolution', () => resolveCase(withdrawCase(calledBack()), { resolution: 'FIXED_IMMEDIATELY' }, ctx('2026-10-09'))],
  ] as const)('refuses %s on a case withdrawn by an upheld appeal, saying so', (_, act) => {
    expect(refusal(act())).toEqual({ code: 'INVALID_STATE', message: 'The review was removed by an upheld appeal; its case is withdrawn' });
  });

  it.each(['', '   ', '\n'])('refuses an empty summary %j', (summary) => {
    const error = refusal(recordCallback(opened(), { ...callback, summary }, ctx('2026-10-08')));
    expect(error).toEqual({ code: 'BAD_USER_INPUT', message: 'summary must not be empty' });
  });

  it('counts the summary in characters, not UTF-16 units (𠮷 is one)', () => {
    expect(recordCallback(opened(), { ...callback, summary: '𠮷'.repeat(MAX) }, ctx('2026-10-08')).ok).toBe(true);
    const error = refusal(recordCallback(opened(), { ...callback, summary: '𠮷'.repeat(MAX + 1) }, ctx('2026-10-08')));
    expect(error).toEqual({ code: 'BAD_USER_INPUT', message: `summary must be at most ${MAX} characters (got ${MAX + 1})` });
  });

  it('takes the length limit from the policy', () => {
    expect(recordCallback(opened(), { ...callback, summary: 'a'.repeat(10) }, ctx('2026-10-08', { maxTextLength: 10 })).ok).toBe(true);
    expect(refusal(recordCallback(opened(), { ...callback, summary: 'a'.repeat(11) }, ctx('2026-10-08', { maxTextLength: 10 }))).message).toContain('at most 10 characters');
  });

  it('does not count the whitespace it trims off the summary', () => {
    const c = value(recordCallback(opened(), { ...callback, summary: `${'𠮷'.repeat(MAX)}\n` }, ctx('2026-10-08')));
    expect(c.callback?.summary).toBe('𠮷'.repeat(MAX));
  });

  it.each(['yesterday', '', '2026-13-45T10:00:00+08:00'])('refuses a contactedAt %j that is no date and time', (contactedAt) => {
    const error = refusal(recordCallback(opened(), { ...callback, contactedAt }, ctx('2026-10-08')));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`(got "${contactedAt}")`);
  });

  it('refuses a contactedAt on a later day in China, even when it is still today in UTC', () => {
    const tomorrow = refusal(recordCallback(opened(), { ...callback, contactedAt: '2026-10-09T09:00:00+08:00' }, ctx('2026-10-08')));
    expect(tomorrow).toEqual({ code: 'BAD_USER_INPUT', message: 'contactedAt must not be in the future' });
    // 2026-10-08T16:30Z is 00:30 on 10-09 in Beijing.
    expect(refusal(recordCallback(opened(), { ...callback, contactedAt: '2026-10-08T16:30:00Z' }, ctx('2026-10-08'))).message).toBe('contactedAt must not be in the future');
    // 2026-10-08T15:59:59Z is 23:59:59 on 10-08 in Beijing.
    expect(recordCallback(opened(), { ...callback, contactedAt: '2026-10-08T15:59:59Z' }, ctx('2026-10-08')).ok).toBe(true);
  });

  it('refuses a contactedAt before the day of the review, naming that day', () => {
    const error = refusal(recordCallback(opened(), { ...callback, contactedAt: '2026-09-29T23:59:00+08:00' }, ctx('2026-10-08')));
    expect(error).toEqual({ code: 'BAD_USER_INPUT', message: 'contactedAt must not be before the review (2026-09-30)' });
    // 2026-09-29T16:00Z is midnight starting 09-30 in Beijing.
    expect(recordCallback(opened(), { ...callback, contactedAt: '2026-09-29T16:00:00Z' }, ctx('2026-10-08')).ok).toBe(true);
  });

  it('checks the summary before the time', () => {
    expect(refusal(recordCallback(opened(), { ...callback, summary: '', contactedAt: 'nonsense' }, ctx('2026-10-08'))).message).toBe('summary must not be empty');
  });

  it('reads a contactedAt without a UTC offset the same on every server', () => {
    const outcomeIn = (timeZone: string) =>
      withTimeZone(timeZone, () => recordCallback(opened(), { ...callback, contactedAt: '2026-09-30T20:00:00' }, ctx('2026-09-30')));
    expect(outcomeIn('America/Los_Angeles')).toEqual(outcomeIn('Asia/Shanghai'));
  });
});

function withTimeZone<T>(timeZone: string, run: () => T): T {
  const before = process.env['TZ'];
  process.env['TZ'] = timeZone;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}

describe('resolveCase', () => {
  it('refuses a case not yet called back', () => {
    const error = refusal(resolveCase(opened(), { resolution: 'FIXED_IMMEDIATELY' }, ctx('2026-10-08')));
    expect(error).toEqual({ code: 'INVALID_STATE', message: 'Call the reviewer back before resolving the case' });
  });

  it.each([
    ['RECTIFYING', rectifying],
    ['AWAITING_REVIEW', fixedAtOnce],
    ['CLOSED', explained],
    ['CLOSED', rated],
  ] as const)('refuses a case that is %s as already resolved', (status, make) => {
    const error = refusal(resolveCase(make(), { resolution: 'FIXED_IMMEDIATELY' }, ctx('2026-10-09')));
    expect(error).toEqual({ code: 'INVALID_STATE', message: `The case is already resolved (${status})` });
  });

  describe('FIXED_IMMEDIATELY', () => {
    it('awaits the reviewer’s rating of the fix, fixed today', () => {
      const c = value(resolveCase(calledBack(), { resolution: 'FIXED_IMMEDIATELY' }, ctx('2026-10-09')));
      expect(c).toMatchObject({ status: 'AWAITING_REVIEW', resolution: 'FIXED_IMMEDIATELY', fixedOn: '2026-10-09', rectification: null, explanation: null });
      expect(c.callback).toEqual(calledBack().callback);
    });
  });

  describe('EXPLAINED', () => {
    it('closes the case with the explanation trimmed and nothing fixed', () => {
      const c = value(resolveCase(calledBack(), { resolution: 'EXPLAINED', explanation: ' 依规定须本人到场 ' }, ctx('2026-10-09')));
      expect(c).toMatchObject({ status: 'CLOSED', resolution: 'EXPLAINED', explanation: '依规定须本人到场', fixedOn: null, rectification: null });
    });

    it.each([undefined, null, '', '  '])('refuses a missing or empty explanation (%j)', (explanation) => {
      const error = refusal(resolveCase(calledBack(), { resolution: 'EXPLAINED', explanation }, ctx('2026-10-09')));
      expect(error).toEqual({ code: 'BAD_USER_INPUT', message: 'explanation must not be empty' });
    });

    it('counts the explanation in characters', () => {
      expect(resolveCase(calledBack(), { resolution: 'EXPLAINED', explanation: '𠮷'.repeat(MAX) }, ctx('2026-10-09')).ok).toBe(true);
      const error = refusal(resolveCase(calledBack(), { resolution: 'EXPLAINED', explanation: '𠮷'.repeat(MAX + 1) }, ctx('2026-10-09')));
      expect(error).toEqual({ code: 'BAD_USER_INPUT', message: `explanation must be at most ${MAX} characters (got ${MAX + 1})` });
    });
  });

  describe('FIX_BY_DEADLINE', () => {
    it('starts the rectification, due by default in 15 working days, measures and owner trimmed', () => {
      const c = value(resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: ' 增设导办岗 ', owner: ' 王科长 ' } }, ctx('2026-10-08')));
      expect(c).toMatchObject({ status: 'RECTIFYING', resolution: 'FIX_BY_DEADLINE', fixedOn: null, explanation: null });
      expect(c.rectification).toEqual({ measures: '增设导办岗', owner: '王科长', dueOn: '2026-10-28', evidence: null, completedOn: null });
      expect(calendar.workingDaysBetween('2026-10-08', '2026-10-28')).toBe(15);
    });

    it('counts the 15 working days across National Day and its make-up Saturday', () => {
      const early = value(recordCallback(opened(), { ...callback, contactedAt: '2026-09-30T15:00:00+08:00' }, ctx('2026-09-30')));
      const c = value(resolveCase(early, fixByDeadline, ctx('2026-09-30')));
      expect(c.rectification?.dueOn).toBe('2026-10-27');
      const at = (dueOn: string) => resolveCase(early, { ...fixByDeadline, rectification: { measures: 'm', owner: 'o', dueOn } }, ctx('2026-09-30'));
      expect(at('2026-10-27').ok).toBe(true);
      expect(refusal(at('2026-10-28'))).toEqual({ code: 'BAD_USER_INPUT', message: 'rectification.dueOn may be at most 15 working days away (2026-10-27)' });
    });

    it('takes a null dueOn as the default', () => {
      const c = value(resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn: null } }, ctx('2026-10-08')));
      expect(c.rectification?.dueOn).toBe('2026-10-28');
    });

    it('accepts an earlier day, today included', () => {
      const at = (dueOn: string) => resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn } }, ctx('2026-10-08'));
      expect(value(at('2026-10-15')).rectification?.dueOn).toBe('2026-10-15');
      expect(value(at('2026-10-08')).rectification?.dueOn).toBe('2026-10-08');
    });

    it('refuses a day in the past', () => {
      const error = refusal(resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn: '2026-10-07' } }, ctx('2026-10-08')));
      expect(error).toEqual({ code: 'BAD_USER_INPUT', message: 'rectification.dueOn must not be in the past' });
    });

    it('refuses a day beyond 15 working days, naming the latest', () => {
      const error = refusal(resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn: '2026-10-29' } }, ctx('2026-10-08')));
      expect(error).toEqual({ code: 'BAD_USER_INPUT', message: 'rectification.dueOn may be at most 15 working days away (2026-10-28)' });
    });

    it('takes the working days from the policy', () => {
      const c = value(resolveCase(calledBack(), fixByDeadline, ctx('2026-10-08', { fixWorkingDays: 5 })));
      expect(c.rectification?.dueOn).toBe('2026-10-14'); // 09, 10 (make-up Saturday), 12, 13, 14
      const late = resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn: '2026-10-15' } }, ctx('2026-10-08', { fixWorkingDays: 5 }));
      expect(refusal(late).message).toBe('rectification.dueOn may be at most 5 working days away (2026-10-14)');
    });

    it.each(['2026/10/20', '20261020', '2026-10-2', 'next week'])('refuses a dueOn %j that is no YYYY-MM-DD date', (dueOn) => {
      const error = refusal(resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn } }, ctx('2026-10-08')));
      expect(error).toEqual({ code: 'BAD_USER_INPUT', message: `rectification.dueOn must be a date YYYY-MM-DD (got "${dueOn}")` });
    });

    it('refuses a dueOn that does not exist (2026-09-31)', () => {
      const early = value(recordCallback(opened(), { ...callback, contactedAt: '2026-09-30T15:00:00+08:00' }, ctx('2026-09-30')));
      const result = resolveCase(early, { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn: '2026-09-31' } }, ctx('2026-09-30'));
      expect(result.ok).toBe(false);
    });


    it.each([undefined, null])('refuses a fix by deadline without its rectification (%j)', (rectification) => {
      const error = refusal(resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification }, ctx('2026-10-08')));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/measures, owner/);
    });

    it('refuses empty measures or owner', () => {
      const at = (measures: string, owner: string) => resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures, owner } }, ctx('2026-10-08'));
      expect(refusal(at(' ', 'o'))).toEqual({ code: 'BAD_USER_INPUT', message: 'rectification.measures must not be empty' });
      expect(refusal(at('m', ''))).toEqual({ code: 'BAD_USER_INPUT', message: 'rectification.owner must not be empty' });
    });

    it('holds measures to the policy’s limit and the owner to 200 characters', () => {
      const at = (measures: string, owner: string) => resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures, owner } }, ctx('2026-10-08'));
      expect(at('𠮷'.repeat(MAX), '𠮷'.repeat(200)).ok).toBe(true);
      expect(refusal(at('𠮷'.repeat(MAX + 1), 'o')).message).toBe(`rectification.measures must be at most ${MAX} characters (got ${MAX + 1})`);
      expect(refusal(at('m', '𠮷'.repeat(201))).message).toBe('rectification.owner must be at most 200 characters (got 201)');
    });

    it('checks the texts before the day', () => {
      const error = refusal(resolveCase(calledBack(), { resolution: 'FIX_BY_DEADLINE', rectification: { measures: '', owner: 'o', dueOn: '2020-01-01' } }, ctx('2026-10-08')));
      expect(error.message).toBe('rectification.measures must not be empty');
    });
  });
});

describe('completeRectification', () => {
  it('records the evidence and the day, and awaits the reviewer’s rating', () => {
    const c = value(completeRectification(rectifying(), ' 导办岗已设立, 见照片 ', ctx('2026-10-20')));
    expect(c.status).toBe('AWAITING_REVIEW');
    expect(c.fixedOn).toBe('2026-10-20');
    expect(c.rectification).toEqual({ measures: '增设导办岗', owner: '王科长', dueOn: '2026-10-28', evidence: '导办岗已设立, 见照片', completedOn: '2026-10-20' });
  });

  it('accepts a rectification completed after its day', () => {
    const c = value(completeRectification(rectifying(), 'done', ctx('2026-11-05')));
    expect(c).toMatchObject({ status: 'AWAITING_REVIEW', fixedOn: '2026-11-05' });
  });

  it.each([
    ['AWAITING_CALLBACK', opened],
    ['CALLED_BACK', calledBack],
    ['AWAITING_REVIEW', fixedAtOnce],
    ['CLOSED', explained],
    ['WITHDRAWN', () => withdrawCase(rectifying())],
  ] as const)('refuses a case that is %s', (status, make) => {
    const error = refusal(completeRectification(make(), 'evidence', ctx('2026-10-20')));
    expect(error).toEqual({ code: 'INVALID_STATE', message: `Only a case being fixed by deadline can be completed (the case is ${status})` });
  });

  it('refuses empty or overlong evidence, counted in characters', () => {
    expect(refusal(completeRectification(rectifying(), '  ', ctx('2026-10-20')))).toEqual({ code: 'BAD_USER_INPUT', message: 'evidence must not be empty' });
    expect(completeRectification(rectifying(), '𠮷'.repeat(MAX), ctx('2026-10-20')).ok).toBe(true);
    expect(refusal(completeRectification(rectifying(), '𠮷'.repeat(MAX + 1), ctx('2026-10-20'))).message).toBe(`evidence must be at most ${MAX} characters (got ${MAX + 1})`);
  });
});

describe('rateFix', () => {
  it.each(REVIEW_LEVELS)('closes the case whatever the level (%s), keeping it on record', (level) => {
    const c = value(rateFix(fixedAtOnce(), level));
    expect(c).toMatchObject({ status: 'CLOSED', reviewLevel: level, resolution: 'FIXED_IMMEDIATELY', fixedOn: '2026-10-08' });
  });

  it('rates a completed rectification', () => {
    const done = value(completeRectification(rectifying(), 'evidence', ctx('2026-10-20')));
    expect(value(rateFix(done, 'VERY_SATISFIED'))).toMatchObject({ status: 'CLOSED', reviewLevel: 'VERY_SATISFIED', rectification: { completedOn: '2026-10-20' } });
  });

  it('refuses a second rating', () => {
    expect(refusal(rateFix(rated(), 'VERY_SATISFIED'))).toEqual({ code: 'INVALID_STATE', message: 'The fix was already rated' });
  });

  it('refuses an explained case, which closed without a fix', () => {
    expect(refusal(rateFix(explained(), 'SATISFIED')).code).toBe('INVALID_STATE');
  });

  it.each([
    ['AWAITING_CALLBACK', opened],
    ['CALLED_BACK', calledBack],
    ['RECTIFYING', rectifying],
    ['WITHDRAWN', () => withdrawCase(fixedAtOnce())],
  ] as const)('refuses a case that is %s: nothing to rate yet', (status, make) => {
    expect(refusal(rateFix(make(), 'SATISFIED'))).toEqual({ code: 'INVALID_STATE', message: `There is no fix to rate yet (the case is ${status})` });
  });
});

describe('withdrawCase', () => {
  it.each([
    ['AWAITING_CALLBACK', opened],
    ['CALLED_BACK', calledBack],
    ['RECTIFYING', rectifying],
    ['AWAITING_REVIEW', fixedAtOnce],
  ] as const)('withdraws a case that is %s, keeping its record', (_status, make) => {
    const before = make();
    const after = withdrawCase(before);
    expect(after).toEqual({ ...before, status: 'WITHDRAWN' });
    expect(before.status).toBe(_status);
  });

  it.each([
    ['explained', explained],
    ['rated', rated],
  ] as const)('leaves a closed (%s) case as it is', (_how, make) => {
    const closed = make();
    expect(withdrawCase(closed)).toBe(closed);
  });

  it('leaves a withdrawn case withdrawn', () => {
    expect(withdrawCase(withdrawn())).toEqual(withdrawn());
  });

  it('stops the clock of a withdrawn case, however late', () => {
    expect(dueOnOf(withdrawn())).toBeNull();
    expect(clockOf(withdrawn(), ctx('2026-12-31'))).toBeNull();
    expect(clockToAnnounce(withdrawn(), ctx('2026-12-31'))).toBeNull();
  });
});

describe('dueOnOf and clockOf', () => {
  it('runs the callback clock while awaiting the callback', () => {
    expect(dueOnOf(opened())).toBe('2026-10-08');
    expect(clockOf(opened(), ctx('2026-09-30'))).toBe('DUE_SOON'); // 1 working day left
    expect(clockOf(opened(), ctx('2026-10-04'))).toBe('DUE_SOON'); // a holiday, still 1 working day left
    expect(clockOf(opened(), ctx('2026-10-08'))).toBe('DUE_SOON'); // the day itself
    expect(clockOf(opened(), ctx('2026-10-09'))).toBe('OVERDUE');
  });

  it('runs the rectification clock while rectifying, DUE_SOON two working days before its day', () => {
    const c = rectifying(); // due 2026-10-28 (Wednesday)
    expect(dueOnOf(c)).toBe('2026-10-28');
    expect(clockOf(c, ctx('2026-10-08'))).toBeNull();
    expect(clockOf(c, ctx('2026-10-23'))).toBeNull(); // Friday: 26, 27, 28 left
    expect(clockOf(c, ctx('2026-10-25'))).toBeNull(); // Sunday: still 3 working days left
    expect(clockOf(c, ctx('2026-10-26'))).toBe('DUE_SOON');
    expect(clockOf(c, ctx('2026-10-28'))).toBe('DUE_SOON');
    expect(clockOf(c, ctx('2026-10-29'))).toBe('OVERDUE');
  });

  it('counts the days left in working days, so a holiday week is not “soon”', () => {
    const review = value(openCase('DISSATISFIED', OFFICE, ctx('2026-09-28')));
    const early = value(recordCallback(review, { ...callback, contactedAt: '2026-09-28T10:00:00+08:00' }, ctx('2026-09-28')));
    const c = value(resolveCase(early, { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn: '2026-10-09' } }, ctx('2026-09-28')));
    expect(clockOf(c, ctx('2026-09-29'))).toBeNull(); // 09-30, 10-08, 10-09 left
    expect(clockOf(c, ctx('2026-09-30'))).toBe('DUE_SOON'); // 10-08, 10-09 left, nine days away
  });

  it('takes the warning margin from the policy', () => {
    expect(clockOf(rectifying(), ctx('2026-10-23', { dueSoonWorkingDays: 3 }))).toBe('DUE_SOON');
    expect(clockOf(rectifying(), ctx('2026-10-27', { dueSoonWorkingDays: 0 }))).toBeNull();
    expect(clockOf(rectifying(), ctx('2026-10-28', { dueSoonWorkingDays: 0 }))).toBe('DUE_SOON');
  });

  it.each([
    ['CALLED_BACK', calledBack],
    ['AWAITING_REVIEW', fixedAtOnce],
    ['CLOSED (explained)', explained],
    ['CLOSED (rated)', rated],
  ] as const)('runs no clock when the case is %s', (_status, make) => {
    expect(dueOnOf(make())).toBeNull();
    expect(clockOf(make(), ctx('2026-12-31'))).toBeNull();
  });
});

describe('clockToAnnounce', () => {
  it('announces each clock state once', () => {
    const first = clockToAnnounce(opened(), ctx('2026-09-30'));
    expect(first?.announce).toBe('DUE_SOON');
    expect(first?.next).toEqual({ ...opened(), announced: 'DUE_SOON' });
    const afterSoon = first!.next;
    expect(clockToAnnounce(afterSoon, ctx('2026-09-30'))).toBeNull();
    expect(clockToAnnounce(afterSoon, ctx('2026-10-08'))).toBeNull();

    const second = clockToAnnounce(afterSoon, ctx('2026-10-09'));
    expect(second?.announce).toBe('OVERDUE');
    expect(second?.next.announced).toBe('OVERDUE');
    expect(clockToAnnounce(second!.next, ctx('2026-10-09'))).toBeNull();
    expect(clockToAnnounce(second!.next, ctx('2026-10-20'))).toBeNull();
  });

  it('announces OVERDUE straight away when DUE_SOON was never announced', () => {
    expect(clockToAnnounce(opened(), ctx('2026-10-12'))).toEqual({ next: { ...opened(), announced: 'OVERDUE' }, announce: 'OVERDUE' });
  });

  it('leaves the case it was given unchanged', () => {
    const c = opened();
    clockToAnnounce(c, ctx('2026-09-30'));
    expect(c.announced).toBeNull();
  });

  it('announces nothing while no clock state is reached', () => {
    expect(clockToAnnounce(rectifying(), ctx('2026-10-09'))).toBeNull();
    expect(clockToAnnounce(calledBack(), ctx('2026-12-31'))).toBeNull();
  });

  it('announces again after a state change: the callback clock, then the rectification clock', () => {
    const overdue = clockToAnnounce(clockToAnnounce(opened(), ctx('2026-09-30'))!.next, ctx('2026-10-09'))!.next;
    expect(overdue.announced).toBe('OVERDUE');

    const late = value(recordCallback(overdue, { ...callback, contactedAt: '2026-10-09T09:00:00+08:00' }, ctx('2026-10-09')));
    expect(late.announced).toBeNull();
    expect(clockToAnnounce(late, ctx('2026-10-09'))).toBeNull();

    const fixing = value(resolveCase(late, { resolution: 'FIX_BY_DEADLINE', rectification: { measures: 'm', owner: 'o', dueOn: '2026-10-12' } }, ctx('2026-10-09')));
    expect(fixing.announced).toBeNull();
    const soon = clockToAnnounce(fixing, ctx('2026-10-09'));
    expect(soon?.announce).toBe('DUE_SOON');
    expect(clockToAnnounce(soon!.next, ctx('2026-10-10'))).toBeNull();
    const over = clockToAnnounce(soon!.next, ctx('2026-10-13'));
    expect(over?.announce).toBe('OVERDUE');

    const done = value(completeRectification(over!.next, 'evidence', ctx('2026-10-14')));
    expect(done.announced).toBeNull();
    expect(clockToAnnounce(done, ctx('2026-10-30'))).toBeNull();
  });

  it('clears the announcement on every resolution', () => {
    const announcedSoon = value(recordCallback(opened(), callback, ctx('2026-10-08')));
    const marked: BadReviewCase = { ...announcedSoon, announced: 'OVERDUE' };
    for (const input of [{ resolution: 'FIXED_IMMEDIATELY' }, { resolution: 'EXPLAINED', explanation: 'e' }, fixByDeadline] as const) {
      expect(value(resolveCase(marked, input, ctx('2026-10-08'))).announced).toBeNull();
    }
  });
});

describe('daysToFix', () => {
  it('is null while nothing is fixed', () => {
    for (const c of [opened(), calledBack(), rectifying(), explained(), withdrawn()]) expect(daysToFix(c, calendar)).toBeNull();
  });

  it('is 0 for a fix on the day of the review', () => {
    const c = value(openCase('DISSATISFIED', OFFICE, ctx('2026-11-24')));
    const back = value(recordCallback(c, { ...callback, contactedAt: '2026-11-24T11:00:00+08:00' }, ctx('2026-11-24')));
    const fixed = value(resolveCase(back, { resolution: 'FIXED_IMMEDIATELY' }, ctx('2026-11-24')));
    expect(daysToFix(fixed, calendar)).toBe(0);
  });

  it('counts working days only, so National Day does not count', () => {
    expect(daysToFix(fixedAtOnce(), calendar)).toBe(1); // 2026-09-30 → 2026-10-08
    expect(daysToFix(rated(), calendar)).toBe(1);
  });

  it('counts from the review to the completed rectification', () => {
    const done = value(completeRectification(rectifying(), 'evidence', ctx('2026-10-27')));
    expect(daysToFix(done, calendar)).toBe(15); // 08, 09, 10 (Saturday), 12–16, 19–23, 26, 27
  });
});

describe('a case from review to close', () => {
  it('goes AWAITING_CALLBACK → CALLED_BACK → RECTIFYING → AWAITING_REVIEW → CLOSED', () => {
    const steps: string[] = [];
    let c = opened();
    steps.push(c.status);
    c = value(recordCallback(c, callback, ctx('2026-10-08')));
    steps.push(c.status);
    c = value(resolveCase(c, fixByDeadline, ctx('2026-10-08')));
    steps.push(c.status);
    c = value(completeRectification(c, 'evidence', ctx('2026-10-16')));
    steps.push(c.status);
    c = value(rateFix(c, 'BASICALLY_SATISFIED'));
    steps.push(c.status);
    expect(steps).toEqual(['AWAITING_CALLBACK', 'CALLED_BACK', 'RECTIFYING', 'AWAITING_REVIEW', 'CLOSED']);
    expect(c).toMatchObject({ resolution: 'FIX_BY_DEADLINE', reviewLevel: 'BASICALLY_SATISFIED', fixedOn: '2026-10-16', openedOn: '2026-09-30' });
    expect(daysToFix(c, calendar)).toBe(8); // 10-08, 09, 10 (Saturday), 12–16
  });
});
