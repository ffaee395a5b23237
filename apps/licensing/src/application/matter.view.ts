import type { CalendarDate } from '@edugraph/rules';
import { licenceIssueView, matterClockView, requiredMaterials } from '../domain/matter/index.ts';
import type { LicenceIssueView, MatterClockView, MatterState, MatterType } from '../domain/matter/index.ts';
import type { Matter } from '../entities/matter.entity.ts';
import type { Catalogue } from './matter-catalogue.ts';
import { matterTypeOf } from './matter-catalogue.ts';

/** A matter as the API shows it: the stored state with its requirements and clocks worked out for today. */
export interface MatterView {
  id: string;
  type: string;
  kind: string;
  status: string;
  applicant: { creditCode: string; name: string };
  institutionId: string | null;
  details: Record<string, unknown>;
  authority: string;
  requirements: { code: string; name: string; nameEn: string; key: boolean; shortfallAllowed: boolean; attached: boolean }[];
  materials: MatterState['materials'];
  missingMaterials: string[];
  correctionNotice: { issuedOn: string; items: { material: string; reason: string }[] } | null;
  shortfall: MatterState['shortfall'];
  commitmentSignedOn: string | null;
  commitmentBroken: boolean;
  submittedOn: string | null;
  acceptedOn: string | null;
  deemedAccepted: boolean;
  clock: MatterClockView | null;
  licenceClock: LicenceIssueView | null;
  reviewOpinions: MatterState['reviewOpinions'];
  inspections: MatterState['inspections'];
  decision: MatterState['decision'];
  recordedOn: string | null;
  withdrawnOn: string | null;
  lapsedOn: string | null;
  preparationLapsedOn: string | null;
  inPersonVisits: number;
  startedAt: string;
  /** For authorisation: who may read it. */
  applicantCreditCode: string;
}

export const stateOf = (row: Matter): MatterState => row.state as unknown as MatterState;

export function toMatterView(row: Matter, catalogue: Catalogue, today: CalendarDate): MatterView {
  const state = stateOf(row);
  const type: MatterType = matterTypeOf(catalogue, state.typeCode);
  const attached = new Set(state.materials.map((m) => m.code));
  const requirements = requiredMaterials(type, state.preparedUnder ?? state.institutionId).map((m) => ({
    code: m.code,
    name: m.name,
    nameEn: m.nameEn,
    key: m.key,
    shortfallAllowed: m.shortfallAllowed,
    attached: attached.has(m.code),
  }));
  // A calendar failure cannot happen here (unknown years count weekends only): null if it did.
  const clock = matterClockView(state, today, catalogue.calendar);
  const licence = licenceIssueView(state, type, today, catalogue.calendar, row.licenceIssuedOn ?? null);
  return {
    id: row.id,
    type: state.typeCode,
    kind: type.kind,
    status: state.status,
    applicant: state.applicant,
    institutionId: row.institutionId ?? null,
    details: row.details,
    authority: type.authority,
    requirements,
    materials: state.materials,
    missingMaterials: requirements.filter((r) => !r.attached).map((r) => r.code),
    correctionNotice: state.correctionNotice ? { issuedOn: state.correctionNotice.issuedOn, items: [...state.correctionNotice.items] } : null,
    shortfall: state.shortfall,
    commitmentSignedOn: state.commitmentSignedOn,
    commitmentBroken: state.commitmentBroken,
    submittedOn: state.submittedOn,
    acceptedOn: state.acceptedOn,
    deemedAccepted: state.deemedAccepted,
    clock: clock.ok ? clock.value : null,
    licenceClock: licence.ok ? licence.value : null,
    reviewOpinions: state.reviewOpinions,
    inspections: state.inspections,
    decision: state.decision,
    recordedOn: state.recordedOn,
    withdrawnOn: state.withdrawnOn,
    lapsedOn: state.lapsedOn,
    preparationLapsedOn: row.preparationLapsedOn ?? null,
    inPersonVisits: row.inPersonVisits,
    startedAt: row.createdAt.toISOString(),
    applicantCreditCode: row.applicantCreditCode,
  };
}
