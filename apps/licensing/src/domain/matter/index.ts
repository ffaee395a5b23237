// Public API of the licensing-matter domain: catalogue, aggregate, clocks and supporting rules.
export { MATTER_TYPES, MATTER_TYPE_CODES, isMatterTypeCode, requiredMaterials } from './matter-types.ts';
export type { Authority, DecisionLimit, InstitutionReference, MatterKind, MatterType, MatterTypeCode } from './matter-types.ts';
export type { EstablishmentRoute, MaterialCode, RequiredMaterial } from './matter-materials.ts';
export { DECISION_EXTENSION, LICENCE_ISSUE_PERIOD, PREPARATION_LAPSE_PERIOD, PRE_REVIEW_PERIOD } from './statutory-periods.ts';
export type { StatutoryPeriod } from './statutory-periods.ts';
export { serviceItems, toServiceItem } from './service-items.ts';
export type { ListKind, ServiceChannel, ServiceItem } from './service-items.ts';

export { TRANSITIONS, handleMatterCommand, isAllowed, openMatter } from './matter.ts';
export type { NewMatter } from './matter.ts';
export { MATTER_COMMAND_TYPES, MATTER_STATUSES } from './matter-state.ts';
export type {
  AttachedMaterial, CorrectionItem, Decision, DecisionOutcome, Inspection, InspectionSlot, MatterChange, MatterCommand,
  MatterCommandType, MatterContext, MatterEvent, MatterEventType, MatterRefusalCode, MatterState, MatterStatus, PauseReason, ShortfallItem,
} from './matter-state.ts';

export { licenceIssueView, matterClockView, overdueTransition } from './matter-clock.ts';
export type { AlertState, ClockViewErrorCode, LicenceIssueView, MatterClockStatus, MatterClockView } from './matter-clock.ts';

export { calendarWithArrangements, validateHolidayArrangement } from './holiday-arrangement.ts';
export type { HolidayArrangementErrorCode, PublishedArrangement } from './holiday-arrangement.ts';
export { checkBoardVote } from './sponsor-change.ts';
export type { BoardVote, BoardVoteErrorCode } from './sponsor-change.ts';
export { LEVEL_DIGITS, LICENCE_PREFIX, licenceNumber, parseLicenceNumber } from './licence-number.ts';
export type { LicenceNumberErrorCode, LicenceNumberParts } from './licence-number.ts';
export { preparationLapse } from './preparation-lapse.ts';
export type { PreparationLapse, PreparationLapseInput } from './preparation-lapse.ts';
