// Derived views: whether a project or milestone is late or due soon, and the places a district
// has in the pipeline. Derived from dates, never stored, so "late" cannot go stale.
import { isDueSoon } from '../shared/index.ts';
import type { CalendarDate } from '../shared/index.ts';
import type { CapacityPolicy } from './policy.ts';
import type { CapacityProject, Milestone } from './project-types.ts';

export type Timeliness = 'ON_TIME' | 'DUE_SOON' | 'LATE' | 'DONE' | 'DONE_LATE';

function timeliness(plannedOn: CalendarDate, doneOn: CalendarDate | undefined, today: CalendarDate, policy: CapacityPolicy): Timeliness {
  if (doneOn) return doneOn > plannedOn ? 'DONE_LATE' : 'DONE';
  if (today > plannedOn) return 'LATE';
  return isDueSoon(plannedOn, today, policy.dueSoonDays) ? 'DUE_SOON' : 'ON_TIME';
}

export function milestoneTimeliness(m: Milestone, today: CalendarDate, policy: CapacityPolicy): Timeliness {
  return timeliness(m.plannedOn, m.doneOn, today, policy);
}

/** A cancelled project is neither late nor on time: it reports ON_TIME and counts no places. */
export function projectTimeliness(p: CapacityProject, today: CalendarDate, policy: CapacityPolicy): Timeliness {
  if (p.state === 'CANCELLED') return 'ON_TIME';
  return timeliness(p.plannedOn, p.completedOn, today, policy);
}

/** Late now: past its date and not completed, or with a milestone past its date and not done. */
export function isLate(p: CapacityProject, today: CalendarDate): boolean {
  if (p.state === 'CANCELLED' || p.state === 'COMPLETED') return false;
  return today > p.plannedOn || p.milestones.some((m) => !m.doneOn && today > m.plannedOn);
}

export interface Pipeline {
  readonly planned: number;
  readonly underConstruction: number;
  /** Only these places count toward coverage (once the kindergarten is registered or updated). */
  readonly completed: number;
}

export function pipeline(projects: readonly CapacityProject[], districtCode?: string): Pipeline {
  const sum = (state: CapacityProject['state']) =>
    projects.filter((p) => p.state === state && (districtCode === undefined || p.districtCode === districtCode)).reduce((s, p) => s + p.plannedPlaces, 0);
  return { planned: sum('PLANNED'), underConstruction: sum('UNDER_CONSTRUCTION'), completed: sum('COMPLETED') };
}
