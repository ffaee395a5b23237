import { describe, expect, it } from 'vitest';
import { checkAttendance, checkRegistration, checkTraining } from './training.ts';

const today = '2026-11-25';
const draft = { title: '民办学校举办者政策培训', on: '2026-12-10', place: '市教育局三楼报告厅', capacity: 2 };
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);

describe('training rules', () => {
  it('accepts a session today or later with 1–10000 places', () => {
    expect(codeOf(checkTraining(draft, today))).toBe('OK');
    expect(codeOf(checkTraining({ ...draft, on: today, capacity: 10_000 }, today))).toBe('OK');
  });

  it('lists every problem of an announcement at once', () => {
    const r = checkTraining({ title: 'x', on: '2026-11-24', place: '', capacity: 0 }, today);
    expect(codeOf(r)).toBe('INVALID_TRAINING');
    const message = r.ok ? '' : r.error.message;
    for (const text of ['title', 'place', 'in the past', 'capacity']) expect(message).toContain(text);
    expect(codeOf(checkTraining({ ...draft, on: '2026-02-30', capacity: 10_001 }, today))).toBe('INVALID_TRAINING');
    expect(codeOf(checkTraining({ ...draft, capacity: 1.5 }, today))).toBe('INVALID_TRAINING');
  });

  it('registers until the session is full, once per organisation, through the session day', () => {
    expect(codeOf(checkRegistration({ on: today, capacity: 2, registered: 1 }, false, today))).toBe('OK');
    expect(codeOf(checkRegistration({ on: today, capacity: 2, registered: 2 }, false, today))).toBe('TRAINING_FULL');
    expect(codeOf(checkRegistration({ on: today, capacity: 2, registered: 1 }, true, today))).toBe('ALREADY_REGISTERED');
    expect(codeOf(checkRegistration({ on: '2026-11-24', capacity: 2, registered: 0 }, false, today))).toBe('TRAINING_PAST');
  });

  it('records attendance on or after the day, only for registered organisations, each once', () => {
    const registered = new Set(['A', 'B']);
    const r = checkAttendance({ on: today }, registered, ['A', 'A', 'B'], today);
    expect(r.ok && r.value).toEqual(['A', 'B']);
    const stranger = checkAttendance({ on: '2026-11-01' }, registered, ['A', 'C'], today);
    expect(codeOf(stranger)).toBe('NOT_REGISTERED');
    expect(stranger.ok ? '' : stranger.error.message).toContain('C');
    expect(codeOf(checkAttendance({ on: '2026-11-26' }, registered, ['A'], today))).toBe('TRAINING_NOT_HELD');
    expect(codeOf(checkAttendance({ on: today }, registered, [], today))).toBe('NO_ATTENDEES');
  });
});
