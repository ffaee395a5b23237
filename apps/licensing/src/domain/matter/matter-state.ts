// The matter aggregate's data: its state, the commands it takes, the events it emits and why it refuses.
import type { CalendarDate, StatutoryClockJSON, WorkingDayCalendar } from '@edugraph/rules';
import type { Authority, MatterType, MatterTypeCode } from './matter-types.ts';

export const MATTER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CORRECTIONS_REQUESTED',
  'ACCEPTED',
  'ACCEPTED_WITH_SHORTFALL',
  'UNDER_REVIEW',
  'APPROVED',
  'REFUSED',
  'RECORDED',
  'WITHDRAWN',
  'LAPSED',
] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

export interface AttachedMaterial {
  readonly code: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly attachedOn: CalendarDate;
}
export interface CorrectionItem {
  readonly material: string;
  readonly reason: string;
}
export interface ShortfallItem {
  readonly material: string;
  readonly dueOn: CalendarDate;
}
export type PauseReason = 'EXPERT_REVIEW' | 'INSPECTION' | 'HEARING';
export type InspectionSlot = 'AM' | 'PM';
export type DecisionOutcome = 'APPROVED' | 'REFUSED';
export interface Inspection {
  readonly on: CalendarDate;
  readonly slot: InspectionSlot;
  readonly findings: string | null;
  readonly recordedOn: CalendarDate | null;
}
export interface Decision {
  readonly outcome: DecisionOutcome;
  readonly legalBasis: string;
  readonly reason: string;
  readonly authority: Authority;
  readonly decidedOn: CalendarDate;
}

export interface MatterState {
  readonly id: string;
  readonly typeCode: MatterTypeCode;
  readonly status: MatterStatus;
  readonly applicant: { readonly creditCode: string; readonly name: string };
  readonly institutionId: string | null;
  /**
   * For a formal establishment after preparation: the approved preparation matter it follows. The
   * prepared school is not in the registry yet (it enters when established), so this picks the route.
   */
  readonly preparedUnder: string | null;
  /** One file per material code: a later file for the same code replaces the earlier one. */
  readonly materials: readonly AttachedMaterial[];
  readonly submissions: number;
  /** The day the latest submission arrived: the day a deemed acceptance dates from. */
  readonly submittedOn: CalendarDate | null;
  /** The notice for the submission numbered `submission`; one per submission (一次性告知). */
  readonly correctionNotice: { readonly submission: number; readonly issuedOn: CalendarDate; readonly items: readonly CorrectionItem[] } | null;
  readonly acceptedOn: CalendarDate | null;
  readonly deemedAccepted: boolean;
  /** Materials still owed under a shortfall commitment (容缺); emptied as they arrive. */
  readonly shortfall: readonly ShortfallItem[];
  readonly commitmentSignedOn: CalendarDate | null;
  readonly commitmentBroken: boolean;
  /** The decision clock (rules' StatutoryClock JSON); null before acceptance and for filings. */
  readonly clock: StatutoryClockJSON | null;
  /** Set by the first review act, so a cleared shortfall returns the matter to the right state. */
  readonly reviewStarted: boolean;
  readonly reviewOpinions: readonly { readonly text: string; readonly givenOn: CalendarDate }[];
  readonly inspections: readonly Inspection[];
  readonly decision: Decision | null;
  readonly recordedOn: CalendarDate | null;
  readonly withdrawnOn: CalendarDate | null;
  readonly lapsedOn: CalendarDate | null;
}

export interface MatterContext {
  readonly today: CalendarDate;
  readonly calendar: WorkingDayCalendar;
  /** The catalogue entry of the matter's type (MATTER_TYPES or a city's own table). */
  readonly requirements: MatterType;
}

export type MatterCommand =
  | { readonly type: 'attachMaterial'; readonly code: string; readonly fileName: string; readonly sha256: string; readonly sizeBytes: number }
  | { readonly type: 'submit' }
  | { readonly type: 'requestCorrections'; readonly items: readonly CorrectionItem[] }
  | { readonly type: 'deemedAcceptance' }
  | { readonly type: 'accept' }
  | {
      readonly type: 'acceptWithShortfall';
      readonly missing: readonly ShortfallItem[];
      readonly commitmentSigned: boolean;
      readonly sponsorHasBrokenCommitment: boolean;
    }
  | { readonly type: 'checkShortfall' }
  | { readonly type: 'pauseClock'; readonly reason: PauseReason; readonly on: CalendarDate }
  | { readonly type: 'resumeClock'; readonly on: CalendarDate }
  | { readonly type: 'extendClock'; readonly reason: string }
  | { readonly type: 'giveReviewOpinion'; readonly text: string }
  | { readonly type: 'scheduleInspection'; readonly on: CalendarDate; readonly slot: InspectionSlot }
  | { readonly type: 'recordInspection'; readonly findings: string }
  | {
      readonly type: 'decide';
      readonly outcome: DecisionOutcome;
      readonly legalBasis: string;
      readonly reason: string;
      readonly deciderAuthority: Authority;
      /** The board vote behind a sponsor change (two thirds, 民办教育促进法 art. 54). */
      readonly boardVote?: { readonly membersTotal: number; readonly inFavour: number };
    }
  | { readonly type: 'record' }
  | { readonly type: 'withdraw'; readonly reason?: string };
export type MatterCommandType = MatterCommand['type'];
export const MATTER_COMMAND_TYPES: readonly MatterCommandType[] = [
  'attachMaterial', 'submit', 'requestCorrections', 'deemedAcceptance', 'accept', 'acceptWithShortfall', 'checkShortfall',
  'pauseClock', 'resumeClock', 'extendClock', 'giveReviewOpinion', 'scheduleInspection', 'recordInspection', 'decide', 'record', 'withdraw',
];

export type MatterEventType =
  | 'licensing.matter.submitted'
  | 'licensing.matter.corrections-requested'
  | 'licensing.matter.accepted'
  | 'licensing.matter.decided'
  | 'licensing.matter.lapsed'
  | 'licensing.matter.withdrawn'
  | 'licensing.matter.recorded'
  | 'licensing.matter.completed'
  | 'licensing.matter.overdue';
export interface MatterEvent {
  readonly type: MatterEventType;
  readonly payload: Readonly<Record<string, unknown>>;
}

export type MatterRefusalCode =
  | 'INVALID_TRANSITION'
  | 'INVALID_ARGUMENT'
  | 'WRONG_REQUIREMENTS'
  | 'INSTITUTION_REQUIRED'
  | 'INSTITUTION_NOT_ALLOWED'
  | 'INVALID_CREDIT_CODE'
  | 'WRONG_MATERIAL'
  | 'NOT_OUTSTANDING'
  | 'INVALID_FILE'
  | 'ONE_NOTICE_ONLY'
  | 'NO_CORRECTIONS'
  | 'REASON_REQUIRED'
  | 'NOTICE_PERIOD_RUNNING'
  | 'NOTICE_PERIOD_OVER'
  | 'MATERIALS_MISSING'
  | 'KEY_MATERIAL_MISSING'
  | 'NOT_SHORTFALL_ALLOWED'
  | 'MATERIAL_ALREADY_ATTACHED'
  | 'COMMITMENT_NOT_SIGNED'
  | 'BROKEN_COMMITMENT'
  | 'DUE_IN_PAST'
  | 'DUE_AFTER_DEADLINE'
  | 'DATE_IN_FUTURE'
  | 'DATE_IN_PAST'
  | 'DATE_ORDER'
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED'
  | 'CLOCK_PAUSED'
  | 'ALREADY_EXTENDED'
  | 'EXTENSION_NOT_ALLOWED'
  | 'NO_INSPECTION_SCHEDULED'
  | 'LEGAL_BASIS_REQUIRED'
  | 'WRONG_AUTHORITY'
  | 'SHORTFALL_OUTSTANDING'
  | 'BOARD_VOTE_INSUFFICIENT'
  | 'CALENDAR_YEAR_UNKNOWN';

export interface MatterChange {
  readonly state: MatterState;
  readonly events: readonly MatterEvent[];
}
