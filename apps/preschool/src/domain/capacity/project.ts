// The capacity project state machine: PLANNED → UNDER_CONSTRUCTION → COMPLETED, or CANCELLED from
// either open state. Each command returns { state, events } or a refusal; dates come in with it.
import { MAX_PLACES } from '../places.rules.ts';
import { event, fail, isCalendarDate, isText, step } from '../shared/index.ts';
import type { Step } from '../shared/index.ts';
import { ALLOWED_FROM, CREATES_KINDERGARTEN, PROJECT_EVENTS as E, PROJECT_KINDS } from './project-types.ts';
import type { CapacityProject, ProjectCommand, ProjectInput, ProjectRefusal } from './project-types.ts';

type ProjectStep = Step<CapacityProject, ProjectRefusal>;

/** A new project in PLANNED, after checking the kind's rule on kindergartenId. */
export function planProject(id: string, input: ProjectInput): ProjectStep {
  if (!PROJECT_KINDS.includes(input.kind)) return fail('INVALID_TRANSITION', `unknown project kind ${String(input.kind)}`);
  if (!isText(input.name)) return fail('NAME_REQUIRED', 'a project needs the name of its kindergarten');
  if (!isText(input.districtCode)) return fail('DISTRICT_REQUIRED', 'a project belongs to a district');
  // A project adds at most what one kindergarten may hold (the same typo guard as places.rules).
  if (!Number.isInteger(input.plannedPlaces) || input.plannedPlaces < 1 || input.plannedPlaces > MAX_PLACES) {
    return fail('INVALID_PLACES', `planned places must be 1–${MAX_PLACES} (got ${input.plannedPlaces})`);
  }
  if (!isCalendarDate(input.plannedOn)) return fail('INVALID_DATE', 'the planned completion date must be YYYY-MM-DD');
  const creates = CREATES_KINDERGARTEN[input.kind];
  if (creates && input.kindergartenId !== undefined) {
    return fail('KINDERGARTEN_NOT_ALLOWED', `a ${input.kind} project creates a new kindergarten; it names no existing one`);
  }
  if (!creates && !isText(input.kindergartenId)) return fail('KINDERGARTEN_REQUIRED', `a ${input.kind} project must name the kindergarten it works on`);
  const project: CapacityProject = { id, ...input, state: 'PLANNED', milestones: [] };
  const { kind, districtCode, plannedPlaces, plannedOn } = input;
  return step(project, event(E.planned, { projectId: id, kind, districtCode, plannedPlaces, plannedOn, kindergartenId: input.kindergartenId ?? null }));
}

export function handleProject(p: CapacityProject, command: ProjectCommand): ProjectStep {
  if (!ALLOWED_FROM[command.type].includes(p.state)) {
    return fail('INVALID_TRANSITION', `${command.type} is not allowed in state ${p.state}`, { state: p.state, command: command.type });
  }
  const on = command.type === 'addMilestone' ? command.plannedOn : command.type === 'completeMilestone' ? command.doneOn : command.on;
  if (!isCalendarDate(on)) return fail('INVALID_DATE', 'expected a date as YYYY-MM-DD');
  switch (command.type) {
    case 'addMilestone': {
      if (!isText(command.name)) return fail('NAME_REQUIRED', 'a milestone needs a name');
      if (p.milestones.some((m) => m.name === command.name)) return fail('DUPLICATE_MILESTONE', `milestone ${command.name} already exists`);
      return step({ ...p, milestones: [...p.milestones, { name: command.name, plannedOn: command.plannedOn }] });
    }
    case 'completeMilestone': {
      const m = p.milestones.find((x) => x.name === command.name);
      if (!m) return fail('UNKNOWN_MILESTONE', `no milestone ${command.name}`);
      if (m.doneOn) return fail('MILESTONE_ALREADY_DONE', `${command.name} was done on ${m.doneOn}`);
      const milestones = p.milestones.map((x) => (x === m ? { ...x, doneOn: command.doneOn } : x));
      const late = command.doneOn > m.plannedOn;
      return step({ ...p, milestones }, event(E.milestoneDone, { projectId: p.id, milestone: m.name, plannedOn: m.plannedOn, doneOn: command.doneOn, late }));
    }
    case 'start':
      return step({ ...p, state: 'UNDER_CONSTRUCTION', startedOn: command.on }, event(E.started, { projectId: p.id, startedOn: command.on }));
    case 'complete':
      return complete(p, command.on);
    case 'cancel': {
      if (!isText(command.reason)) return fail('REASON_REQUIRED', 'say why the project is cancelled');
      const next = { ...p, state: 'CANCELLED' as const, cancelledOn: command.on, cancelReason: command.reason };
      return step(next, event(E.cancelled, { projectId: p.id, cancelledOn: command.on, reason: command.reason, plannedPlaces: p.plannedPlaces }));
    }
  }
}

/**
 * Completion is when the places start to count. A project that created a kindergarten carries
 * what licensing needs to register it (name, district, places); a rebuild names its kindergarten.
 */
function complete(p: CapacityProject, on: string): ProjectStep {
  const open = p.milestones.filter((m) => !m.doneOn).map((m) => m.name);
  if (open.length > 0) return fail('MILESTONES_OPEN', `milestones not done yet: ${open.join(', ')}`);
  const next = { ...p, state: 'COMPLETED' as const, completedOn: on };
  const registration = CREATES_KINDERGARTEN[p.kind] ? { name: p.name, districtCode: p.districtCode, places: p.plannedPlaces } : null;
  const payload = {
    projectId: p.id,
    kind: p.kind,
    districtCode: p.districtCode,
    places: p.plannedPlaces,
    kindergartenId: p.kindergartenId ?? null,
    registration,
    completedOn: on,
    late: on > p.plannedOn,
  };
  return step(next, event(E.completed, payload));
}
