// The unlicensed-kindergarten case state machine. OPEN → CLOSING (serious hazards or no licence
// basis) or RECTIFYING → PASSED → LICENSED, or → CLOSING when it fails or runs past its deadline;
// CLOSING → CLOSED only once every child is re-placed. Pure: dates come in with each command.
import { event, fail, isCalendarDate, isCount, isText, ok, step } from '../shared/index.ts';
import type { DomainEvent, Step } from '../shared/index.ts';
import { CASE_ALLOWED_FROM, CASE_EVENTS as E } from './case-types.ts';
import type { CaseCommand, CaseInput, CaseRefusal, ClosingReason, UnlicensedCase } from './case-types.ts';

type CaseStep = Step<UnlicensedCase, CaseRefusal>;

export function openCase(id: string, input: CaseInput): CaseStep {
  if (!isText(input.name) || !isText(input.address) || !isText(input.districtCode) || !isCount(input.children)) {
    return fail('INVALID_CASE', 'a case needs a name, an address, a district and the number of children (0 or more)');
  }
  if (!input.hazards.every((h) => isText(h.description))) return fail('INVALID_CASE', 'every hazard needs a description');
  const c: UnlicensedCase = { id, ...input, state: 'OPEN', inspections: [], placements: [] };
  return step(c, event(E.opened, { caseId: id, districtCode: input.districtCode, children: input.children, hazards: input.hazards.length }));
}

export const replacedChildren = (c: UnlicensedCase): number => c.placements.reduce((s, p) => s + p.children, 0);

/** Closing means the children must go elsewhere: the event says how many, for the district. */
function closing(c: UnlicensedCase, reason: ClosingReason, on: string): { state: UnlicensedCase; events: DomainEvent[] } {
  const state = { ...c, state: 'CLOSING' as const, closingReason: reason };
  return { state, events: [event(E.closing, { caseId: c.id, districtCode: c.districtCode, reason, childrenToPlace: c.children - replacedChildren(c), on })] };
}

export function handleCase(c: UnlicensedCase, command: CaseCommand): CaseStep {
  if (command.type === 'reinspect' && (c.state === 'CLOSING' || c.state === 'CLOSED')) {
    return fail('CASE_CLOSED', `the case is ${c.state}; it can no longer be re-inspected`, { state: c.state });
  }
  if (!CASE_ALLOWED_FROM[command.type].includes(c.state)) {
    return fail('INVALID_TRANSITION', `${command.type} is not allowed in state ${c.state}`, { state: c.state, command: command.type });
  }
  if (!isCalendarDate(command.on)) return fail('INVALID_DATE', 'expected a date as YYYY-MM-DD');
  switch (command.type) {
    case 'assess': {
      if (c.rectifiable !== undefined) return fail('ALREADY_ASSESSED', 'the case was assessed already; order its rectification');
      if (c.hazards.some((h) => h.serious)) return ok(closing(c, 'SERIOUS_HAZARDS', command.on));
      if (!command.licenceBasis) return ok(closing(c, 'NO_LICENCE_BASIS', command.on));
      return step({ ...c, rectifiable: true });
    }
    case 'orderRectification': {
      if (c.rectifiable !== true) return fail('NOT_RECTIFIABLE', 'assess the case first: only a case without serious hazards and with a licence basis is rectified');
      if (command.items.length === 0 || !command.items.every(isText)) return fail('ITEMS_REQUIRED', 'list what must be rectified');
      if (!isCalendarDate(command.dueOn) || command.dueOn <= command.on) return fail('INVALID_DATE', 'the deadline must be a date after the order');
      const rectification = { orderedOn: command.on, dueOn: command.dueOn, items: command.items };
      return step({ ...c, state: 'RECTIFYING', rectification }, event(E.rectificationOrdered, { caseId: c.id, dueOn: command.dueOn, items: command.items.length }));
    }
    case 'reinspect':
      return reinspect(c, command);
    case 'closeOverdue': {
      const dueOn = c.rectification?.dueOn ?? command.on;
      if (command.on <= dueOn) return fail('NOT_OVERDUE', `the rectification is due on ${dueOn}`);
      return ok(closing(c, 'OVERDUE', command.on));
    }
    case 'licenceIssued': {
      if (!isText(command.licenceNumber) || !isText(command.institutionId)) return fail('LICENCE_REQUIRED', 'the licence number and institution are required');
      const licence = { licenceNumber: command.licenceNumber, institutionId: command.institutionId, issuedOn: command.on };
      return step({ ...c, state: 'LICENSED', licence }, event(E.licensed, { caseId: c.id, institutionId: command.institutionId, issuedOn: command.on }));
    }
    case 'confirmPlacements':
      return confirmPlacements(c, command);
    case 'close': {
      const waiting = c.children - replacedChildren(c);
      if (waiting > 0) return fail('CHILDREN_WAITING', `${waiting} children still wait for a place`, { waiting });
      return step({ ...c, state: 'CLOSED', closedOn: command.on }, event(E.closed, { caseId: c.id, reason: c.closingReason ?? null, closedOn: command.on }));
    }
  }
}

/**
 * A re-inspection after the deadline counts as overdue whatever it finds: the deadline is the
 * rectification's, and a late pass must not license a kindergarten that ignored it.
 */
function reinspect(c: UnlicensedCase, command: Extract<CaseCommand, { type: 'reinspect' }>): CaseStep {
  if (!command.passed && command.findings.length === 0) return fail('FINDINGS_REQUIRED', 'a failed re-inspection must say what failed');
  const inspected = { ...c, inspections: [...c.inspections, { on: command.on, passed: command.passed, findings: command.findings }] };
  if (c.rectification && command.on > c.rectification.dueOn) return ok(closing(inspected, 'OVERDUE', command.on));
  if (!command.passed) return ok(closing(inspected, 'FAILED_REINSPECTION', command.on));
  // Licensing is asked to license it: the payload carries what the licence application needs.
  const payload = { caseId: c.id, name: c.name, address: c.address, districtCode: c.districtCode, children: c.children, inspectedOn: command.on };
  return step({ ...inspected, state: 'PASSED' }, event(E.passed, payload));
}

function confirmPlacements(c: UnlicensedCase, command: Extract<CaseCommand, { type: 'confirmPlacements' }>): CaseStep {
  if (command.placements.length === 0 || !command.placements.every((p) => isText(p.kindergartenId) && isCount(p.children) && p.children > 0)) {
    return fail('INVALID_PLACEMENT', 'each placement names a kindergarten and a positive number of children');
  }
  const asked = new Map<string, number>();
  for (const p of command.placements) asked.set(p.kindergartenId, (asked.get(p.kindergartenId) ?? 0) + p.children);
  for (const [id, n] of asked) {
    const free = command.freePlaces[id] ?? 0;
    if (n > free) return fail('KINDERGARTEN_FULL', `kindergarten ${id} has ${free} free places, not ${n}`, { kindergartenId: id, free });
  }
  const total = [...asked.values()].reduce((s, n) => s + n, 0);
  const waiting = c.children - replacedChildren(c);
  if (total > waiting) return fail('TOO_MANY_PLACED', `only ${waiting} children are waiting, not ${total}`);
  const placements = [...c.placements, ...command.placements.map((p) => ({ ...p, confirmedOn: command.on }))];
  const next = { ...c, placements };
  return step(next, event(E.childrenPlaced, { caseId: c.id, placed: total, waiting: waiting - total, placements: command.placements }));
}
