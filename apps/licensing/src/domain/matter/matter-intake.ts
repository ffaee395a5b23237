// From draft to acceptance: materials, submission, the one correction notice and acceptance (行政许可法 art. 32).
import { StatutoryClock } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { PRE_REVIEW_PERIOD } from './statutory-periods.ts';
import {
  belongsToType, changed, clearShortfallItem, completed, event, guarded, isBlank, missingMaterials, noticeDeadline, refuse, unlessYearUnknown,
} from './matter-support.ts';
import type { MatterResult } from './matter-support.ts';
import type { CorrectionItem, MatterCommand, MatterContext, MatterState } from './matter-state.ts';

const NOTICE_DAYS = 'workingDays' in PRE_REVIEW_PERIOD.limit ? PRE_REVIEW_PERIOD.limit.workingDays : 5;
const SHA256 = /^[0-9a-f]{64}$/i;

type Command<T extends MatterCommand['type']> = Extract<MatterCommand, { type: T }>;

export function attachMaterial(state: MatterState, command: Command<'attachMaterial'>, ctx: MatterContext): MatterResult {
  if (!belongsToType(state, ctx, command.code)) {
    return refuse('WRONG_MATERIAL', `${command.code} is not a material of ${state.typeCode}`, { material: String(command.code) });
  }
  if (isBlank(command.fileName) || command.fileName.length > 255) return refuse('INVALID_FILE', 'fileName must be 1-255 characters');
  if (typeof command.sha256 !== 'string' || !SHA256.test(command.sha256)) return refuse('INVALID_FILE', 'sha256 must be 64 hexadecimal characters');
  if (!Number.isSafeInteger(command.sizeBytes) || command.sizeBytes <= 0) return refuse('INVALID_FILE', 'sizeBytes must be a positive integer');
  if (state.status === 'ACCEPTED_WITH_SHORTFALL' && !state.shortfall.some((s) => s.material === command.code)) {
    return refuse('NOT_OUTSTANDING', `${command.code} is not owed under the shortfall commitment; the accepted file stands`);
  }
  const file = { code: command.code, fileName: command.fileName.trim(), sha256: command.sha256.toLowerCase(), sizeBytes: command.sizeBytes, attachedOn: ctx.today };
  const next = { ...state, materials: [...state.materials.filter((m) => m.code !== command.code), file] };
  return changed(state.status === 'ACCEPTED_WITH_SHORTFALL' ? clearShortfallItem(next, command.code) : next);
}

/**
 * Submission never refuses for missing materials: pre-review (网上预审) is where the office lists every
 * correction at once, and the law dates acceptance from the day the application arrives.
 */
export function submit(state: MatterState, ctx: MatterContext): MatterResult {
  return guarded(() => {
    const submissions = state.submissions + 1;
    const next: MatterState = { ...state, status: 'SUBMITTED', submissions, submittedOn: ctx.today };
    return changed(next, [
      event('licensing.matter.submitted', {
        matterId: state.id,
        typeCode: state.typeCode,
        creditCode: state.applicant.creditCode,
        submittedOn: ctx.today,
        submission: submissions,
        missingMaterials: missingMaterials(state, ctx),
        noticeDueOn: unlessYearUnknown(() => noticeDeadline(ctx.today, ctx, NOTICE_DAYS)),
      }),
    ]);
  });
}

function noticePeriodOver(state: MatterState, ctx: MatterContext): boolean {
  return ctx.today > noticeDeadline(state.submittedOn as CalendarDate, ctx, NOTICE_DAYS);
}

export function requestCorrections(state: MatterState, command: Command<'requestCorrections'>, ctx: MatterContext): MatterResult {
  if (state.correctionNotice?.submission === state.submissions) {
    return refuse('ONE_NOTICE_ONLY', 'Every correction must be in the one notice already issued for this submission');
  }
  const items: readonly CorrectionItem[] = Array.isArray(command.items) ? command.items : [];
  if (items.length === 0) return refuse('NO_CORRECTIONS', 'A correction notice names at least one material');
  for (const item of items) {
    if (!belongsToType(state, ctx, item.material)) return refuse('WRONG_MATERIAL', `${item.material} is not a material of ${state.typeCode}`, { material: String(item.material) });
    if (isBlank(item.reason)) return refuse('REASON_REQUIRED', `The correction of ${item.material} needs a reason`, { material: item.material });
  }
  return guarded(() => {
    if (noticePeriodOver(state, ctx)) {
      return refuse('NOTICE_PERIOD_OVER', `No notice was issued within ${NOTICE_DAYS} working days: the application is accepted by law`);
    }
    const notice = { submission: state.submissions, issuedOn: ctx.today, items: items.map((i) => ({ material: i.material, reason: i.reason.trim() })) };
    return changed({ ...state, status: 'CORRECTIONS_REQUESTED', correctionNotice: notice }, [
      event('licensing.matter.corrections-requested', { matterId: state.id, typeCode: state.typeCode, issuedOn: ctx.today, items: notice.items }),
    ]);
  });
}

/**
 * The acceptance day: today, unless the notice period has passed, in which case the law accepted the
 * application on the day it arrived (art. 32) and a staff acceptance only confirms that.
 */
export function acceptanceDay(state: MatterState, ctx: MatterContext): { acceptedOn: CalendarDate; deemed: boolean } {
  return noticePeriodOver(state, ctx)
    ? { acceptedOn: state.submittedOn as CalendarDate, deemed: true }
    : { acceptedOn: ctx.today, deemed: false };
}

export function startAcceptance(state: MatterState, ctx: MatterContext, acceptedOn: CalendarDate, deemed: boolean, shortfall: MatterState['shortfall'] = []): MatterResult {
  const decision = ctx.requirements.decisionLimit;
  if (!decision) return refuse('INVALID_TRANSITION', `${state.typeCode} is a filing: it is recorded, not accepted`);
  const clock = StatutoryClock.start({ acceptedOn, limit: decision.limit, calendar: ctx.calendar });
  const next: MatterState = {
    ...state,
    status: shortfall.length > 0 ? 'ACCEPTED_WITH_SHORTFALL' : 'ACCEPTED',
    acceptedOn,
    deemedAccepted: deemed,
    shortfall,
    commitmentSignedOn: shortfall.length > 0 ? ctx.today : null,
    clock: clock.toJSON(),
  };
  return changed(next, [
    event('licensing.matter.accepted', {
      matterId: state.id,
      typeCode: state.typeCode,
      acceptedOn,
      deemed,
      decisionDueOn: unlessYearUnknown(() => clock.dueDate()),
      shortfall: shortfall.map((s) => ({ ...s })),
    }),
  ]);
}

export function deemedAcceptance(state: MatterState, ctx: MatterContext): MatterResult {
  return guarded(() => {
    if (!noticePeriodOver(state, ctx)) {
      return refuse('NOTICE_PERIOD_RUNNING', `The office may still issue its notice until ${noticeDeadline(state.submittedOn as CalendarDate, ctx, NOTICE_DAYS)}`);
    }
    return startAcceptance(state, ctx, state.submittedOn as CalendarDate, true);
  });
}

/** Staff acceptance: the materials are complete. Missing ones go through a notice or a shortfall instead. */
export function accept(state: MatterState, ctx: MatterContext): MatterResult {
  const missing = missingMaterials(state, ctx);
  if (missing.length > 0) return refuse('MATERIALS_MISSING', `Materials missing: ${missing.join(', ')}`, { materials: missing.join(',') });
  return guarded(() => {
    const { acceptedOn, deemed } = acceptanceDay(state, ctx);
    return startAcceptance(state, ctx, acceptedOn, deemed);
  });
}

/** Filings are recorded once complete, and published; nobody decides on them. */
export function record(state: MatterState, ctx: MatterContext): MatterResult {
  const missingKey = missingMaterials(state, ctx, true);
  if (missingKey.length > 0) return refuse('KEY_MATERIAL_MISSING', `Key materials missing: ${missingKey.join(', ')}`, { materials: missingKey.join(',') });
  const missing = missingMaterials(state, ctx);
  if (missing.length > 0) return refuse('MATERIALS_MISSING', `Materials missing: ${missing.join(', ')}`, { materials: missing.join(',') });
  const next: MatterState = { ...state, status: 'RECORDED', recordedOn: ctx.today };
  return changed(next, [
    event('licensing.matter.recorded', {
      matterId: state.id, typeCode: state.typeCode, recordedOn: ctx.today, authority: ctx.requirements.authority, publish: true,
    }),
    completed(next, 'RECORDED', ctx.today),
  ]);
}

export function withdraw(state: MatterState, command: Command<'withdraw'>, ctx: MatterContext): MatterResult {
  const next: MatterState = { ...state, status: 'WITHDRAWN', withdrawnOn: ctx.today };
  return changed(next, [
    event('licensing.matter.withdrawn', { matterId: state.id, typeCode: state.typeCode, withdrawnOn: ctx.today, reason: command.reason?.trim() ?? null }),
    completed(next, 'WITHDRAWN', ctx.today),
  ]);
}
