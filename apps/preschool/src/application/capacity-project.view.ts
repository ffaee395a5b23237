import type { CalendarDate } from '@edugraph/rules';
import { DEFAULT_CAPACITY_POLICY, isLate, milestoneTimeliness, projectTimeliness } from '../domain/index.ts';
import type { CapacityProject, ProjectKind, ProjectState } from '../domain/index.ts';
import type { CapacityProjectRow } from '../entities/planning.entities.ts';

export function toProject(row: CapacityProjectRow): CapacityProject {
  return {
    id: row.id,
    kind: row.kind as ProjectKind,
    name: row.name,
    districtCode: row.districtCode,
    plannedPlaces: row.plannedPlaces,
    plannedOn: row.plannedOn,
    ...(row.kindergartenId ? { kindergartenId: row.kindergartenId } : {}),
    state: row.state as ProjectState,
    milestones: row.milestones,
    ...(row.startedOn ? { startedOn: row.startedOn } : {}),
    ...(row.completedOn ? { completedOn: row.completedOn } : {}),
    ...(row.cancelledOn ? { cancelledOn: row.cancelledOn } : {}),
    ...(row.cancelReason ? { cancelReason: row.cancelReason } : {}),
  };
}

export function saveProject(row: CapacityProjectRow, p: CapacityProject): void {
  row.state = p.state;
  row.milestones = p.milestones.map((m) => ({ ...m }));
  row.kindergartenId = p.kindergartenId ?? row.kindergartenId ?? null;
  row.startedOn = p.startedOn ?? null;
  row.completedOn = p.completedOn ?? null;
  row.cancelledOn = p.cancelledOn ?? null;
  row.cancelReason = p.cancelReason ?? null;
}

export interface CapacityProjectView {
  id: string;
  kind: string;
  name: string;
  districtCode: string;
  plannedPlaces: number;
  plannedOn: string;
  kindergartenId: string | null;
  state: string;
  timeliness: string;
  late: boolean;
  /** True once the places were added to the kindergarten (a new one: after licensing registered it). */
  placesCounted: boolean;
  startedOn: string | null;
  completedOn: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  milestones: { name: string; plannedOn: string; doneOn: string | null; timeliness: string }[];
}

export function toProjectView(row: CapacityProjectRow, today: CalendarDate): CapacityProjectView {
  const p = toProject(row);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    districtCode: row.districtCode,
    plannedPlaces: row.plannedPlaces,
    plannedOn: row.plannedOn,
    kindergartenId: row.kindergartenId ?? null,
    state: row.state,
    timeliness: projectTimeliness(p, today, DEFAULT_CAPACITY_POLICY),
    late: isLate(p, today),
    placesCounted: row.placesApplied,
    startedOn: row.startedOn ?? null,
    completedOn: row.completedOn ?? null,
    cancelledOn: row.cancelledOn ?? null,
    cancelReason: row.cancelReason ?? null,
    milestones: p.milestones.map((m) => ({ name: m.name, plannedOn: m.plannedOn, doneOn: m.doneOn ?? null, timeliness: milestoneTimeliness(m, today, DEFAULT_CAPACITY_POLICY) })),
  };
}
