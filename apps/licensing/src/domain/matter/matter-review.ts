// After acceptance: review opinion, inspection, the clock's pauses (art. 45) and extension (art. 42), decision.
import { StatutoryClock } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { DECISION_EXTENSION, LICENCE_ISSUE_PERIOD } from './statutory-periods.ts';
import { checkBoardVote } from './sponsor-change.ts';
import { changed, checkDate, completed, event, guarded, isBlank, loadClock, missingMaterials, refuse, unlessYearUnknown } from './matter-support.ts';
import type { MatterResult } from './matter-support.ts';
import type { MatterCommand, MatterContext, MatterState } from './matter-state.ts';

type Command<T extends MatterCommand['type']> = Extract<MatterCommand, { type: T }>;
const PAUSE_REASONS: readonly string[] = ['EXPERT_REVIEW', 'INSPECTION', 'HEARING'];

/** Any review act moves a plain acceptance on to UNDER_REVIEW; an outstanding shortfall stays visible. */
function reviewing(state: MatterState, change: Partial<MatterState>): MatterState {
  const status = state.status === 'ACCEPTED' ? 'UNDER_REVIEW' : state.status;
  return { ...state, ...change, status, reviewStarted: true };
}

export function pauseClock(state: MatterState, command: Command<'pauseClock'>, ctx: MatterContext): MatterResult {
  if (!PAUSE_REASONS.includes(command.reason)) return refuse('INVALID_ARGUMENT', `A pause is for ${PAUSE_REASONS.join(', ')}, got ${String(command.reason)}`);
  const bad = checkDate(command.on, 'pause date');
  if (bad) return bad;
  if (command.on > ctx.today) return refuse('DATE_IN_FUTURE', `A pause is recorded when it starts, not ahead (${command.on})`);
  return guarded(() => changed(reviewing(state, { clock: loadClock(state, ctx).pause(command.on, command.reason).toJSON() })));
}

export function resumeClock(state: MatterState, command: Command<'resumeClock'>, ctx: MatterContext): MatterResult {
  const bad = checkDate(command.on, 'resume date');
  if (bad) return bad;
  if (command.on > ctx.today) return refuse('DATE_IN_FUTURE', `A resumption is recorded when the procedure has ended, not ahead (${command.on})`);
  return guarded(() => changed(reviewing(state, { clock: loadClock(state, ctx).resume(command.on).toJSON() })));
}

export function extendClock(state: MatterState, command: Command<'extendClock'>, ctx: MatterContext): MatterResult {
  if (!ctx.requirements.decisionLimit?.extensionAllowed) {
    return refuse('EXTENSION_NOT_ALLOWED', `${state.typeCode} has its own statutory limit, which cannot be extended`);
  }
  if (isBlank(command.reason)) return refuse('REASON_REQUIRED', "An extension needs the head's written reason");
  return guarded(() => {
    const clock = loadClock(state, ctx).extend({ workingDays: DECISION_EXTENSION.workingDays, reason: command.reason.trim() });
    return changed(reviewing(state, { clock: clock.toJSON() }));
  });
}

export function giveReviewOpinion(state: MatterState, command: Command<'giveReviewOpinion'>, ctx: MatterContext): MatterResult {
  if (isBlank(command.text)) return refuse('INVALID_ARGUMENT', 'A review opinion needs its text');
  return changed(reviewing(state, { reviewOpinions: [...state.reviewOpinions, { text: command.text.trim(), givenOn: ctx.today }] }));
}

export function scheduleInspection(state: MatterState, command: Command<'scheduleInspection'>, ctx: MatterContext): MatterResult {
  const bad = checkDate(command.on, 'inspection date');
  if (bad) return bad;
  if (command.slot !== 'AM' && command.slot !== 'PM') return refuse('INVALID_ARGUMENT', `Inspection slot must be AM or PM, got ${String(command.slot)}`);
  if (command.on < ctx.today) return refuse('DATE_IN_PAST', `An inspection cannot be scheduled for ${command.on}, before today`);
  const inspection = { on: command.on, slot: command.slot, findings: null, recordedOn: null };
  return changed(reviewing(state, { inspections: [...state.inspections, inspection] }));
}

export function recordInspection(state: MatterState, command: Command<'recordInspection'>, ctx: MatterContext): MatterResult {
  const index = state.inspections.findIndex((i) => i.recordedOn === null);
  if (index < 0) return refuse('NO_INSPECTION_SCHEDULED', 'There is no scheduled inspection to record');
  if (isBlank(command.findings)) return refuse('INVALID_ARGUMENT', 'An inspection record needs its findings');
  const inspections = state.inspections.map((i, n) => (n === index ? { ...i, findings: command.findings.trim(), recordedOn: ctx.today } : i));
  return changed(reviewing(state, { inspections }));
}

/** The licence is due 10 working days after an approval that issues one (行政许可法 art. 44). */
export function licenceDueOn(decidedOn: CalendarDate, ctx: MatterContext): CalendarDate | null {
  if (!ctx.requirements.issuesLicence) return null;
  return StatutoryClock.start({ acceptedOn: decidedOn, limit: LICENCE_ISSUE_PERIOD.limit, calendar: ctx.calendar }).dueDate();
}

export function decide(state: MatterState, command: Command<'decide'>, ctx: MatterContext): MatterResult {
  if (command.outcome !== 'APPROVED' && command.outcome !== 'REFUSED') return refuse('INVALID_ARGUMENT', `Outcome must be APPROVED or REFUSED, got ${String(command.outcome)}`);
  if (isBlank(command.legalBasis)) return refuse('LEGAL_BASIS_REQUIRED', 'A decision cites its legal basis');
  // A refusal must give its reasons (行政许可法 art. 38).
  if (command.outcome === 'REFUSED' && isBlank(command.reason)) return refuse('REASON_REQUIRED', 'A refusal states its reasons');
  if (command.deciderAuthority !== ctx.requirements.authority) {
    return refuse('WRONG_AUTHORITY', `${state.typeCode} is decided by ${ctx.requirements.authority}, not ${String(command.deciderAuthority)}`);
  }
  if (state.clock?.pauses.some((p) => p.to === null)) return refuse('CLOCK_PAUSED', 'Resume the clock (record the end of the paused procedure) before deciding');
  if (command.outcome === 'APPROVED') {
    if (state.shortfall.length > 0) {
      return refuse('SHORTFALL_OUTSTANDING', `Still owed: ${state.shortfall.map((s) => s.material).join(', ')}`, { materials: state.shortfall.map((s) => s.material).join(',') });
    }
    // Covers a deemed acceptance of an incomplete application, e.g. a termination without its student placement plan.
    const missingKey = missingMaterials(state, ctx, true);
    if (missingKey.length > 0) return refuse('KEY_MATERIAL_MISSING', `Key materials missing: ${missingKey.join(', ')}`, { materials: missingKey.join(',') });
    if (ctx.requirements.requiresBoardSupermajority) {
      if (!command.boardVote) return refuse('BOARD_VOTE_INSUFFICIENT', `${state.typeCode} needs the board vote`);
      const vote = checkBoardVote(command.boardVote);
      if (!vote.ok) return refuse('BOARD_VOTE_INSUFFICIENT', vote.error.message);
    }
  }
  return guarded(() => {
    const decision = {
      outcome: command.outcome, legalBasis: command.legalBasis.trim(), reason: command.reason?.trim() ?? '', authority: command.deciderAuthority, decidedOn: ctx.today,
    };
    const next: MatterState = { ...state, status: command.outcome, decision };
    const licenceDue = command.outcome === 'APPROVED' ? unlessYearUnknown(() => licenceDueOn(ctx.today, ctx)) : null;
    return changed(next, [
      event('licensing.matter.decided', { matterId: state.id, typeCode: state.typeCode, ...decision, licenceDueOn: licenceDue }),
      completed(next, command.outcome, ctx.today),
    ]);
  });
}

