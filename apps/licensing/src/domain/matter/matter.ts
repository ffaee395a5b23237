// The matter aggregate: (state, command, context) → new state and events, or a refusal with a code.
// Which commands a state takes is one table per kind of matter, so the rules can be read in one place.
import { validateCreditCode } from '@edugraph/rules';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import type { MatterKind, MatterType } from './matter-types.ts';
import { accept, attachMaterial, deemedAcceptance, record, requestCorrections, submit, withdraw } from './matter-intake.ts';
import { acceptWithShortfall, checkShortfall } from './matter-shortfall.ts';
import { decide, extendClock, giveReviewOpinion, pauseClock, recordInspection, resumeClock, scheduleInspection } from './matter-review.ts';
import { refuse } from './matter-support.ts';
import type { MatterResult } from './matter-support.ts';
import type { MatterCommand, MatterCommandType, MatterContext, MatterRefusalCode, MatterState, MatterStatus } from './matter-state.ts';

type Table = Readonly<Record<MatterCommandType, readonly MatterStatus[]>>;

const BEFORE_ACCEPTANCE: readonly MatterStatus[] = ['DRAFT', 'SUBMITTED', 'CORRECTIONS_REQUESTED'];
const ACCEPTED: readonly MatterStatus[] = ['ACCEPTED', 'ACCEPTED_WITH_SHORTFALL', 'UNDER_REVIEW'];
const EDITABLE: readonly MatterStatus[] = ['DRAFT', 'CORRECTIONS_REQUESTED'];

/** Approvals and verification: accepted, reviewed and decided against a statutory clock. */
const DECIDED_MATTERS: Table = {
  // After a shortfall acceptance only the owed materials may still arrive.
  attachMaterial: [...EDITABLE, 'ACCEPTED_WITH_SHORTFALL'],
  submit: EDITABLE,
  requestCorrections: ['SUBMITTED'],
  deemedAcceptance: ['SUBMITTED'],
  accept: ['SUBMITTED'],
  acceptWithShortfall: ['SUBMITTED'],
  checkShortfall: ['ACCEPTED_WITH_SHORTFALL'],
  pauseClock: ACCEPTED,
  resumeClock: ACCEPTED,
  extendClock: ACCEPTED,
  giveReviewOpinion: ACCEPTED,
  scheduleInspection: ACCEPTED,
  recordInspection: ACCEPTED,
  decide: ACCEPTED,
  record: [],
  withdraw: [...BEFORE_ACCEPTANCE, ...ACCEPTED],
};

/** Filings: submitted, corrected if incomplete, recorded and published; no acceptance clock, no decision. */
const FILINGS: Table = {
  attachMaterial: EDITABLE,
  submit: EDITABLE,
  requestCorrections: ['SUBMITTED'],
  deemedAcceptance: [],
  accept: [],
  acceptWithShortfall: [],
  checkShortfall: [],
  pauseClock: [],
  resumeClock: [],
  extendClock: [],
  giveReviewOpinion: [],
  scheduleInspection: [],
  recordInspection: [],
  decide: [],
  record: ['SUBMITTED'],
  withdraw: BEFORE_ACCEPTANCE,
};

export const TRANSITIONS: Readonly<Record<MatterKind, Table>> = { APPROVAL: DECIDED_MATTERS, VERIFICATION: DECIDED_MATTERS, FILING: FILINGS };

export function isAllowed(kind: MatterKind, status: MatterStatus, command: MatterCommandType): boolean {
  return TRANSITIONS[kind][command]?.includes(status) ?? false;
}

export function handleMatterCommand(state: MatterState, command: MatterCommand, ctx: MatterContext): MatterResult {
  if (ctx.requirements.code !== state.typeCode) {
    return refuse('WRONG_REQUIREMENTS', `Matter ${state.id} is ${state.typeCode}, the context describes ${ctx.requirements.code}`);
  }
  // A second notice for the same submission is its own refusal: the law allows one notice (一次性告知).
  if (command.type === 'requestCorrections' && state.status === 'CORRECTIONS_REQUESTED') {
    return refuse('ONE_NOTICE_ONLY', 'Every correction must be in the one notice already issued for this submission');
  }
  if (!isAllowed(ctx.requirements.kind, state.status, command.type)) {
    return refuse('INVALID_TRANSITION', `A ${ctx.requirements.kind.toLowerCase()} matter in state ${state.status} does not take ${command.type}`, {
      state: state.status,
      command: command.type,
    });
  }
  switch (command.type) {
    case 'attachMaterial': return attachMaterial(state, command, ctx);
    case 'submit': return submit(state, ctx);
    case 'requestCorrections': return requestCorrections(state, command, ctx);
    case 'deemedAcceptance': return deemedAcceptance(state, ctx);
    case 'accept': return accept(state, ctx);
    case 'acceptWithShortfall': return acceptWithShortfall(state, command, ctx);
    case 'checkShortfall': return checkShortfall(state, ctx);
    case 'pauseClock': return pauseClock(state, command, ctx);
    case 'resumeClock': return resumeClock(state, command, ctx);
    case 'extendClock': return extendClock(state, command, ctx);
    case 'giveReviewOpinion': return giveReviewOpinion(state, command, ctx);
    case 'scheduleInspection': return scheduleInspection(state, command, ctx);
    case 'recordInspection': return recordInspection(state, command, ctx);
    case 'decide': return decide(state, command, ctx);
    case 'record': return record(state, ctx);
    case 'withdraw': return withdraw(state, command, ctx);
  }
}

export interface NewMatter {
  readonly id: string;
  readonly type: MatterType;
  readonly applicant: { readonly creditCode: string; readonly name: string };
  readonly institutionId: string | null;
  /** ESTABLISHMENT after preparation: the approved preparation matter (checked by the caller). */
  readonly preparedUnder?: string | null;
}

/** A new matter in DRAFT; the applicant is an organisation identified by its credit code. */
export function openMatter(input: NewMatter): Result<MatterState, MatterRefusalCode> {
  const credit = validateCreditCode(input.applicant.creditCode);
  if (!credit.ok) return fail('INVALID_CREDIT_CODE', `Applicant credit code: ${credit.error.message}`);
  if (input.applicant.name.trim() === '') return fail('INVALID_ARGUMENT', 'The applicant needs a name');
  const reference = input.type.institutionReference;
  if (reference === 'REQUIRED' && input.institutionId === null) return fail('INSTITUTION_REQUIRED', `${input.type.code} concerns an existing school`);
  if (reference === 'NONE' && input.institutionId !== null) return fail('INSTITUTION_NOT_ALLOWED', `${input.type.code} is for a school that does not exist yet`);
  return ok({
    id: input.id,
    typeCode: input.type.code,
    status: 'DRAFT',
    applicant: { creditCode: credit.value.code, name: input.applicant.name.trim() },
    institutionId: input.institutionId,
    preparedUnder: input.type.institutionReference === 'OPTIONAL' ? (input.preparedUnder ?? null) : null,
    materials: [],
    submissions: 0,
    submittedOn: null,
    correctionNotice: null,
    acceptedOn: null,
    deemedAccepted: false,
    shortfall: [],
    commitmentSignedOn: null,
    commitmentBroken: false,
    clock: null,
    reviewStarted: false,
    reviewOpinions: [],
    inspections: [],
    decision: null,
    recordedOn: null,
    withdrawnOn: null,
    lapsedOn: null,
  });
}
