// Public API of capacity projects: the state machine, its data and the derived progress views.
export { PROJECT_KINDS, CREATES_KINDERGARTEN, ALLOWED_FROM, PROJECT_EVENTS } from './project-types.ts';
export type { ProjectKind, ProjectState, Milestone, CapacityProject, ProjectInput, ProjectCommand, ProjectRefusal } from './project-types.ts';
export { planProject, handleProject } from './project.ts';
export { milestoneTimeliness, projectTimeliness, isLate, pipeline } from './progress.ts';
export type { Timeliness, Pipeline } from './progress.ts';
export { DEFAULT_CAPACITY_POLICY } from './policy.ts';
export type { CapacityPolicy } from './policy.ts';
