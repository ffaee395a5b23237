import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '@edugraph/rules';
import { checkSchoolProject, completeMilestone, daysLate, earliestOpenOn, isLate } from './school-project.ts';
import type { Milestone, SchoolProjectDraft } from './school-project.ts';

const code = '91330100MA2' + '000001';
const draft: SchoolProjectDraft = {
  name: '城东国际学校',
  sponsor: { creditCode: code + creditCodeCheckCharacter(code), name: '城东教育投资有限公司' },
  status: 'SIGNED',
  investmentFen: 1_200_000_000,
  districtCode: 'D01',
  milestones: [
    { name: '开工', plannedOn: '2026-03-01' },
    { name: '竣工', plannedOn: '2027-06-30' },
  ],
};
const today = '2026-11-25';
const ms = (plannedOn: string, doneOn: string | null = null): Milestone => ({ name: 'm', plannedOn, doneOn });

describe('school project rules', () => {
  it('accepts a valid project with its milestones not done', () => {
    const r = checkSchoolProject(draft);
    expect(r.ok && r.value.milestones).toEqual([
      { name: '开工', plannedOn: '2026-03-01', doneOn: null },
      { name: '竣工', plannedOn: '2027-06-30', doneOn: null },
    ]);
  });

  it('lists every problem at once', () => {
    const r = checkSchoolProject({
      ...draft,
      name: 'x',
      sponsor: { creditCode: '91330100MA2000001X', name: '城东' },
      status: 'MAYBE',
      investmentFen: -1,
      milestones: [{ name: '开工', plannedOn: '2026-02-30' }, { name: '开工', plannedOn: '2026-03-01' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PROJECT');
    for (const text of ['name must be', 'creditCode', 'status', 'investmentFen', 'appears twice', 'plannedOn']) expect(r.error.message).toContain(text);
  });

  it('refuses a project without milestones and an unsafe investment', () => {
    const r = checkSchoolProject({ ...draft, milestones: [], investmentFen: 2 ** 53 });
    expect(!r.ok && r.error.message).toContain('at least one milestone');
    expect(!r.ok && r.error.message).toContain('investmentFen');
  });

  it('calls a milestone late only after its planned day, and counts the days', () => {
    expect(isLate(ms('2026-11-24'), today)).toBe(true);
    expect(isLate(ms('2026-11-25'), today)).toBe(false);
    expect(isLate(ms('2026-01-01', '2026-02-01'), today)).toBe(false);
    expect(daysLate(ms('2026-11-24'), today)).toBe(1);
    expect(daysLate(ms('2025-11-25'), today)).toBe(365);
    expect(daysLate(ms('2027-01-01'), today)).toBe(0);
  });

  it('finds the earliest open planned day', () => {
    expect(earliestOpenOn([ms('2026-05-01', '2026-05-02'), ms('2026-09-01'), ms('2026-07-01')])).toBe('2026-07-01');
    expect(earliestOpenOn([ms('2026-05-01', '2026-05-02')])).toBeNull();
  });

  it('completes a known milestone once, on a past or present day', () => {
    const milestones: Milestone[] = [{ name: '开工', plannedOn: '2026-03-01', doneOn: null }];
    const done = completeMilestone(milestones, '开工', '2026-03-05', today);
    expect(done.ok && done.value[0]).toEqual({ name: '开工', plannedOn: '2026-03-01', doneOn: '2026-03-05' });
    const codeOf = (r: ReturnType<typeof completeMilestone>) => (r.ok ? 'OK' : r.error.code);
    expect(codeOf(completeMilestone(milestones, '封顶', '2026-03-05', today))).toBe('UNKNOWN_MILESTONE');
    expect(codeOf(completeMilestone(milestones, '开工', '2026-13-01', today))).toBe('INVALID_DATE');
    expect(codeOf(completeMilestone(milestones, '开工', '2026-11-26', today))).toBe('DONE_IN_FUTURE');
    expect(codeOf(completeMilestone(done.ok ? done.value : [], '开工', '2026-03-06', today))).toBe('ALREADY_DONE');
  });
});
