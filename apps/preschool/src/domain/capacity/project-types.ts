// Capacity projects add places (扩大普惠性资源): new and rebuilt public kindergartens, kindergartens
// built with residential communities (小区配套), upgraded rural kindergartens.
import type { CalendarDate } from '../shared/index.ts';

export const PROJECT_KINDS = ['NEW_BUILD', 'REBUILD', 'COMMUNITY', 'RURAL_UPGRADE'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/**
 * NEW_BUILD and COMMUNITY create a kindergarten that does not exist yet, so they carry the name it
 * will be registered under and no kindergartenId; REBUILD and RURAL_UPGRADE work on an existing
 * kindergarten, so they must name it.
 */
export const CREATES_KINDERGARTEN: Readonly<Record<ProjectKind, boolean>> = {
  NEW_BUILD: true,
  COMMUNITY: true,
  REBUILD: false,
  RURAL_UPGRADE: false,
};

export type ProjectState = 'PLANNED' | 'UNDER_CONSTRUCTION' | 'COMPLETED' | 'CANCELLED';

export interface Milestone {
  readonly name: string;
  readonly plannedOn: CalendarDate;
  readonly doneOn?: CalendarDate;
}

export interface CapacityProject {
  readonly id: string;
  readonly kind: ProjectKind;
  /** The kindergarten's name (to be registered, for NEW_BUILD and COMMUNITY) or the project's. */
  readonly name: string;
  readonly districtCode: string;
  /** Places the project adds: all of a new kindergarten's, or the net gain of a rebuild. */
  readonly plannedPlaces: number;
  /** Planned completion date. */
  readonly plannedOn: CalendarDate;
  readonly kindergartenId?: string;
  readonly state: ProjectState;
  readonly milestones: readonly Milestone[];
  readonly startedOn?: CalendarDate;
  readonly completedOn?: CalendarDate;
  readonly cancelledOn?: CalendarDate;
  readonly cancelReason?: string;
}

export type ProjectInput = Pick<CapacityProject, 'kind' | 'name' | 'districtCode' | 'plannedPlaces' | 'plannedOn' | 'kindergartenId'>;

export type ProjectCommand =
  | { readonly type: 'addMilestone'; readonly name: string; readonly plannedOn: CalendarDate }
  | { readonly type: 'completeMilestone'; readonly name: string; readonly doneOn: CalendarDate }
  | { readonly type: 'start'; readonly on: CalendarDate }
  | { readonly type: 'complete'; readonly on: CalendarDate }
  | { readonly type: 'cancel'; readonly on: CalendarDate; readonly reason: string };

/** The only legal transitions; anything else is refused INVALID_TRANSITION. */
export const ALLOWED_FROM: Readonly<Record<ProjectCommand['type'], readonly ProjectState[]>> = {
  addMilestone: ['PLANNED', 'UNDER_CONSTRUCTION'],
  completeMilestone: ['PLANNED', 'UNDER_CONSTRUCTION'],
  start: ['PLANNED'],
  complete: ['UNDER_CONSTRUCTION'],
  cancel: ['PLANNED', 'UNDER_CONSTRUCTION'],
};

export const PROJECT_EVENTS = {
  planned: 'preschool.capacity-project.planned',
  started: 'preschool.capacity-project.started',
  milestoneDone: 'preschool.capacity-project.milestone-done',
  completed: 'preschool.capacity-project.completed',
  cancelled: 'preschool.capacity-project.cancelled',
} as const;

export type ProjectRefusal =
  | 'INVALID_TRANSITION'
  | 'INVALID_PLACES'
  | 'INVALID_DATE'
  | 'NAME_REQUIRED'
  | 'DISTRICT_REQUIRED'
  | 'KINDERGARTEN_REQUIRED'
  | 'KINDERGARTEN_NOT_ALLOWED'
  | 'DUPLICATE_MILESTONE'
  | 'UNKNOWN_MILESTONE'
  | 'MILESTONE_ALREADY_DONE'
  | 'MILESTONES_OPEN'
  | 'REASON_REQUIRED';
