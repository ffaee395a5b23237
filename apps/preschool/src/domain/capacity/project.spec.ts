import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY_POLICY as POLICY } from './policy.ts';
import { isLate, milestoneTimeliness, pipeline, projectTimeliness } from './progress.ts';
import { handleProject, planProject } from './project.ts';
import type { CapacityProject, ProjectCommand, ProjectInput } from './project-types.ts';

const newBuild: ProjectInput = { kind: 'NEW_BUILD', name: '城南第三幼儿园', districtCode: 'D1', plannedPlaces: 270, plannedOn: '2027-08-31' };

function must(r: ReturnType<typeof planProject>): CapacityProject {
  if (!r.ok) throw new Error(r.error.code);
  return r.value.state;
}
const run = (p: CapacityProject, ...commands: ProjectCommand[]) => commands.reduce((x, c) => must(handleProject(x, c)), p);

describe('capacity project', () => {
  it('checks the kindergartenId rule of each kind, and the places', () => {
    const code = (input: ProjectInput) => {
      const r = planProject('P', input);
      return r.ok ? 'OK' : r.error.code;
    };
    expect(code(newBuild)).toBe('OK');
    expect(code({ ...newBuild, kindergartenId: 'K1' })).toBe('KINDERGARTEN_NOT_ALLOWED');
    expect(code({ ...newBuild, kind: 'COMMUNITY', kindergartenId: 'K1' })).toBe('KINDERGARTEN_NOT_ALLOWED');
    expect(code({ ...newBuild, kind: 'REBUILD' })).toBe('KINDERGARTEN_REQUIRED');
    expect(code({ ...newBuild, kind: 'RURAL_UPGRADE', kindergartenId: 'K1' })).toBe('OK');
    expect(code({ ...newBuild, plannedPlaces: 0 })).toBe('INVALID_PLACES');
    expect(code({ ...newBuild, plannedPlaces: 2.5 })).toBe('INVALID_PLACES');
    expect(code({ ...newBuild, plannedOn: '2027-02-30' })).toBe('INVALID_DATE');
  });

  it('completes a new build with what licensing needs to register the kindergarten', () => {
    const p = run(must(planProject('P1', newBuild)), { type: 'addMilestone', name: '主体封顶', plannedOn: '2027-03-31' }, { type: 'start', on: '2026-12-01' });
    expect(handleProject(p, { type: 'complete', on: '2027-08-01' })).toMatchObject({ ok: false, error: { code: 'MILESTONES_OPEN' } });
    const done = run(p, { type: 'completeMilestone', name: '主体封顶', doneOn: '2027-04-10' });
    const r = handleProject(done, { type: 'complete', on: '2027-09-05' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.events[0]).toEqual({
      type: 'preschool.capacity-project.completed',
      payload: {
        projectId: 'P1', kind: 'NEW_BUILD', districtCode: 'D1', places: 270, kindergartenId: null,
        registration: { name: '城南第三幼儿园', districtCode: 'D1', places: 270 }, completedOn: '2027-09-05', late: true,
      },
    });
    expect(projectTimeliness(r.value.state, '2027-10-01', POLICY)).toBe('DONE_LATE');
    expect(milestoneTimeliness(r.value.state.milestones[0]!, '2027-10-01', POLICY)).toBe('DONE_LATE');
  });

  it('refuses every illegal transition INVALID_TRANSITION', () => {
    const planned = must(planProject('P1', newBuild));
    const completed = run(planned, { type: 'start', on: '2026-12-01' }, { type: 'complete', on: '2027-08-01' });
    const cancelled = run(planned, { type: 'cancel', on: '2026-12-01', reason: '用地未落实' });
    const illegal: [CapacityProject, ProjectCommand][] = [
      [planned, { type: 'complete', on: '2027-01-01' }],
      [run(planned, { type: 'start', on: '2026-12-01' }), { type: 'start', on: '2026-12-02' }],
      [completed, { type: 'cancel', on: '2027-09-01', reason: 'x' }],
      [completed, { type: 'addMilestone', name: 'x', plannedOn: '2027-09-01' }],
      [cancelled, { type: 'start', on: '2027-01-01' }],
      [cancelled, { type: 'complete', on: '2027-01-01' }],
    ];
    for (const [p, c] of illegal) expect(handleProject(p, c)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(handleProject(planned, { type: 'cancel', on: '2026-12-01', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
  });

  it('flags late and due-soon projects and milestones; counts places only when completed', () => {
    const p = run(must(planProject('P1', newBuild)), { type: 'addMilestone', name: '开工', plannedOn: '2026-12-15' });
    expect(milestoneTimeliness(p.milestones[0]!, '2026-11-25', POLICY)).toBe('DUE_SOON');
    expect(milestoneTimeliness(p.milestones[0]!, '2026-10-01', POLICY)).toBe('ON_TIME');
    expect(isLate(p, '2026-12-15')).toBe(false);
    expect(isLate(p, '2026-12-16')).toBe(true);
    expect(projectTimeliness(p, '2027-09-01', POLICY)).toBe('LATE');
    const rebuild = must(planProject('P2', { ...newBuild, kind: 'REBUILD', kindergartenId: 'K1', plannedPlaces: 60 }));
    const built = run(rebuild, { type: 'start', on: '2026-12-01' }, { type: 'complete', on: '2027-06-01' });
    const other = must(planProject('P3', { ...newBuild, districtCode: 'D2' }));
    expect(pipeline([p, built, other], 'D1')).toEqual({ planned: 270, underConstruction: 0, completed: 60 });
    expect(pipeline([p, built, other]).planned).toBe(540);
  });
});
