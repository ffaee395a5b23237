import { describe, expect, it } from 'vitest';
import type { Result } from '@edugraph/rules';
import { checkPublication, mayPublish, statusOf, versionInForce } from './standard.ts';
import { checkRoster, mayKeepRosters, rosterChange } from './roster.ts';
import { checkTraining, trainingGaps } from './training.ts';

function refusal(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const V1 = { id: 'v1', version: '2026版', effectiveOn: '2026-01-01' };
const V2 = { id: 'v2', version: '2026修订版', effectiveOn: '2026-07-01' };
const V3 = { id: 'v3', version: '2027版', effectiveOn: '2027-01-01' };
const OFFICES = ['POLICY_LAW', 'ADMISSIONS', 'PRESCHOOL'];

describe('the version in force', () => {
  it('is the latest effective date not after the day, and none before the first', () => {
    const versions = [V3, V1, V2];
    expect(versionInForce(versions, '2025-12-31')).toBeNull();
    expect(versionInForce(versions, '2026-01-01')?.id).toBe('v1');
    expect(versionInForce(versions, '2026-06-30')?.id).toBe('v1');
    expect(versionInForce(versions, '2026-07-01')?.id).toBe('v2');
    expect(versionInForce(versions, '2030-01-01')?.id).toBe('v3');
  });

  it('marks each version in force, upcoming or superseded on a day', () => {
    const versions = [V1, V2, V3];
    expect(versions.map((v) => statusOf(v, versions, '2026-08-01'))).toEqual(['SUPERSEDED', 'IN_FORCE', 'UPCOMING']);
  });
});

describe('publishing a version', () => {
  const input = { version: ' 2027版 ', text: '  一、办理时限：5个工作日。\r\n二、一次性告知所需材料。 ', effectiveOn: '2027-01-01' };

  it('accepts a first version taking effect today or later, its label and text tidied', () => {
    expect(checkPublication([], input, '2026-11-01')).toEqual({ ok: true, value: { version: '2027版', text: '一、办理时限：5个工作日。\n二、一次性告知所需材料。', effectiveOn: '2027-01-01' } });
    expect(checkPublication([], { ...input, effectiveOn: '2026-11-01' }, '2026-11-01').ok).toBe(true);
  });

  it('refuses a version not after the one in force, or after one already scheduled', () => {
    const inForce = refusal(checkPublication([V1], { ...input, effectiveOn: '2026-01-01' }, '2025-12-01'));
    expect(inForce.code).toBe('VERSION_OVERLAP');
    const scheduled = refusal(checkPublication([V1, V3], { ...input, version: '2026秋季版', effectiveOn: '2026-09-01' }, '2026-08-01'));
    expect(scheduled).toMatchObject({ code: 'VERSION_OVERLAP', message: expect.stringContaining('the version already scheduled (2027版, effective 2027-01-01)') });
    expect(refusal(checkPublication([V1], { ...input, effectiveOn: '2026-01-01' }, '2026-01-01')).message).toContain('the version in force (2026版');
  });

  it('refuses the same version twice, a date that does not exist or is past, and an empty or too long text', () => {
    expect(refusal(checkPublication([V1], { ...input, version: '2026版' }, '2026-11-01')).code).toBe('VERSION_EXISTS');
    expect(refusal(checkPublication([], { ...input, effectiveOn: '2027-02-29' }, '2026-11-01')).code).toBe('INVALID_DATE');
    expect(refusal(checkPublication([], { ...input, effectiveOn: '2026-10-31' }, '2026-11-01')).code).toBe('EFFECTIVE_DATE_PAST');
    expect(refusal(checkPublication([], { ...input, text: ' \n ' }, '2026-11-01'))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('text must not be empty') });
    expect(refusal(checkPublication([], { ...input, text: '标'.repeat(20_001) }, '2026-11-01')).message).toBe('text must be at most 20000 characters (got 20001)');
    expect(checkPublication([], { ...input, text: '标'.repeat(20_000) }, '2026-11-01').ok).toBe(true);
    expect(refusal(checkPublication([], { ...input, version: '' }, '2026-11-01')).message).toBe('version must not be empty');
  });

  it('lets staff of the item\'s office or of POLICY_LAW publish', () => {
    expect(mayPublish('ADMISSIONS', 'ADMISSIONS')).toBe(true);
    expect(mayPublish('POLICY_LAW', 'ADMISSIONS')).toBe(true);
    expect(mayPublish('PRESCHOOL', 'ADMISSIONS')).toBe(false);
    expect(mayPublish(null, 'ADMISSIONS')).toBe(false);
  });
});

describe('rosters', () => {
  it('are kept by POLICY_LAW, with each person once and on one office only', () => {
    expect(mayKeepRosters('POLICY_LAW')).toBe(true);
    expect(mayKeepRosters('ADMISSIONS')).toBe(false);
    expect(checkRoster('ADMISSIONS', [{ id: ' a1 ', name: ' 王 芳 ' }], OFFICES, new Map())).toEqual({ ok: true, value: [{ id: 'a1', name: '王 芳' }] });
    expect(refusal(checkRoster('NOWHERE', [], OFFICES, new Map())).code).toBe('UNKNOWN_OFFICE');
    expect(refusal(checkRoster('ADMISSIONS', [{ id: 'a1', name: 'x' }, { id: 'a1', name: 'y' }], OFFICES, new Map())).code).toBe('DUPLICATE_STAFF');
    expect(refusal(checkRoster('ADMISSIONS', [{ id: 'p1', name: 'x' }], OFFICES, new Map([['p1', 'PRESCHOOL']])))).toMatchObject({ code: 'STAFF_IN_OTHER_OFFICE', message: 'p1 is on the roster of PRESCHOOL; take them off it first' });
    expect(refusal(checkRoster('ADMISSIONS', [{ id: 'a1', name: '' }], OFFICES, new Map())).message).toBe('staff.0.name must not be empty');
    expect(checkRoster('ADMISSIONS', [], OFFICES, new Map())).toEqual({ ok: true, value: [] });
  });

  it('tell who joined and who left', () => {
    expect(rosterChange([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], [{ id: 'b', name: 'B' }, { id: 'c', name: 'C' }])).toEqual({ added: ['c'], removed: ['a'] });
  });
});

describe('trainings', () => {
  const rostered = new Set(['a1', 'a2', 'p1']);
  const standard = { publishedOn: '2026-10-01' };
  const input = { heldOn: '2026-10-15', trainer: ' 李老师 ', attendees: ['a1', 'a2', 'a1'] };

  it('records attendees once each, held between publication and today', () => {
    expect(checkTraining(input, standard, rostered, '2026-11-01')).toEqual({ ok: true, value: { heldOn: '2026-10-15', trainer: '李老师', attendees: ['a1', 'a2'] } });
  });

  it('refuses a day that does not exist, is to come or precedes publication, no trainer, no attendees and anyone off the rosters', () => {
    expect(refusal(checkTraining({ ...input, heldOn: '2026-02-30' }, standard, rostered, '2026-11-01')).code).toBe('INVALID_DATE');
    expect(refusal(checkTraining({ ...input, heldOn: '2026-11-02' }, standard, rostered, '2026-11-01')).code).toBe('TRAINING_IN_FUTURE');
    expect(refusal(checkTraining({ ...input, heldOn: '2026-09-30' }, standard, rostered, '2026-11-01')).code).toBe('TRAINING_BEFORE_PUBLICATION');
    expect(refusal(checkTraining({ ...input, trainer: ' ' }, standard, rostered, '2026-11-01')).code).toBe('BAD_USER_INPUT');
    expect(refusal(checkTraining({ ...input, attendees: [] }, standard, rostered, '2026-11-01')).code).toBe('BAD_USER_INPUT');
    const off = refusal(checkTraining({ ...input, attendees: ['a1', 'x9', 'y8'] }, standard, rostered, '2026-11-01'));
    expect(off).toMatchObject({ code: 'NOT_ON_ROSTER', message: expect.stringContaining('x9, y8') });
  });

  it('leave a gap for each person not trained on each version in force; a superseded version does not count', () => {
    const roster = [{ id: 'a1', name: '甲' }, { id: 'a2', name: '乙' }, { id: 'a3', name: '丙' }];
    const gaps = trainingGaps(roster, ['rx-v2', 'rx2-v1'], [
      { standardId: 'rx-v1', attendees: ['a1', 'a2', 'a3'] },
      { standardId: 'rx-v2', attendees: ['a1'] },
      { standardId: 'rx2-v1', attendees: ['a1', 'a2'] },
    ]);
    expect(gaps.map((g) => [g.staff.id, g.missing])).toEqual([['a2', ['rx-v2']], ['a3', ['rx-v2', 'rx2-v1']]]);
    expect(trainingGaps(roster, [], [])).toEqual([]);
  });
});
