// The catalogue of licensing matters as data: another city changes this table, not the state machine.
import type { ClockLimit } from '@edugraph/rules';
import { keyMaterial, lateMaterial, plainMaterial } from './matter-materials.ts';
import type { RequiredMaterial } from './matter-materials.ts';

export type MatterKind = 'APPROVAL' | 'VERIFICATION' | 'FILING';
export type Authority = 'APPROVAL_BUREAU' | 'EDUCATION_BUREAU';
/**
 * NONE: the school does not exist yet. OPTIONAL: formal establishment references the prepared school when it
 * went through preparation and has none when the sponsor applies directly (民办教育促进法 art. 16). REQUIRED: an
 * existing school.
 */
export type InstitutionReference = 'NONE' | 'OPTIONAL' | 'REQUIRED';

export const MATTER_TYPE_CODES = [
  'PREPARATION',
  'ESTABLISHMENT',
  'DIVISION',
  'MERGER',
  'TERMINATION',
  'CHANGE_NAME',
  'CHANGE_LEVEL_CATEGORY',
  'CHANGE_ADDRESS',
  'CHANGE_SPONSOR',
  'CHARTER_FILING',
  'CONTROL_CHANGE_FILING',
  'BRANCH_FILING',
] as const;
export type MatterTypeCode = (typeof MATTER_TYPE_CODES)[number];

export interface DecisionLimit {
  readonly limit: ClockLimit;
  readonly legalBasis: string;
  /** +10 working days once (行政许可法 art. 42); only where that article sets the limit, not the private-education law. */
  readonly extensionAllowed: boolean;
}

export interface MatterType {
  readonly code: MatterTypeCode;
  /** Code in the published lists (清单). */
  readonly serviceCode: string;
  readonly kind: MatterKind;
  readonly name: string;
  readonly nameEn: string;
  /** Null for filings: they are recorded and published, nobody decides. */
  readonly decisionLimit: DecisionLimit | null;
  /** Authority that decides (approvals, verification) or records (filings). */
  readonly authority: Authority;
  readonly responsibleOffice: string;
  readonly institutionReference: InstitutionReference;
  /** Whether an approval is followed by a licence within 10 working days (行政许可法 art. 44). */
  readonly issuesLicence: boolean;
  readonly legalBasis: string;
  readonly materials: readonly RequiredMaterial[];
  /** Approval needs a board vote of at least two thirds (sponsor change, 民办教育促进法 art. 54). */
  readonly requiresBoardSupermajority?: boolean;
}

const PRIVATE_EDUCATION_LAW = '《中华人民共和国民办教育促进法》';
const LICENSING_LAW = '《中华人民共和国行政许可法》';
const education = (article: string, months: number): DecisionLimit => ({
  limit: { months },
  legalBasis: `${PRIVATE_EDUCATION_LAW}${article}`,
  extensionAllowed: false,
});
const twentyDays: DecisionLimit = { limit: { workingDays: 20 }, legalBasis: `${LICENSING_LAW}第四十二条`, extensionAllowed: true };

type Row = Omit<MatterType, 'responsibleOffice' | 'authority'> & { readonly authority?: Authority };
const row = (r: Row): MatterType => ({
  responsibleOffice: 'POLICY_LAW',
  ...r,
  // In this city the Administrative Approval Bureau holds the licensing power; the education bureau records filings.
  authority: r.authority ?? (r.kind === 'FILING' ? 'EDUCATION_BUREAU' : 'APPROVAL_BUREAU'),
});

const CHANGE = [keyMaterial('CHANGE_APPLICATION'), keyMaterial('BOARD_RESOLUTION')];

export const MATTER_TYPES: Readonly<Record<MatterTypeCode, MatterType>> = {
  PREPARATION: row({
    code: 'PREPARATION', serviceCode: 'JY-XK-001', kind: 'APPROVAL', name: '民办学校筹设审批', nameEn: 'Approval to prepare a private school',
    decisionLimit: { limit: { workingDays: 30 }, legalBasis: `${PRIVATE_EDUCATION_LAW}第十四条`, extensionAllowed: false },
    institutionReference: 'NONE', issuesLicence: false, legalBasis: `${PRIVATE_EDUCATION_LAW}第十二条、第十三条、第十四条`,
    materials: [
      keyMaterial('APPLICATION_REPORT'), keyMaterial('SPONSOR_QUALIFICATION'), keyMaterial('ASSET_SOURCE_PROOF'),
      lateMaterial('DRAFT_CHARTER'), lateMaterial('PREMISES_PROOF'), lateMaterial('FEASIBILITY_STUDY'),
    ],
  }),
  ESTABLISHMENT: row({
    code: 'ESTABLISHMENT', serviceCode: 'JY-XK-002', kind: 'APPROVAL', name: '民办学校正式设立审批', nameEn: 'Approval to establish a private school',
    decisionLimit: education('第十七条', 3), institutionReference: 'OPTIONAL', issuesLicence: true,
    legalBasis: `${PRIVATE_EDUCATION_LAW}第十六条、第十七条`,
    materials: [
      keyMaterial('PREPARATION_APPROVAL', 'PREPARED'), keyMaterial('PREPARATION_REPORT', 'PREPARED'),
      keyMaterial('APPLICATION_REPORT', 'DIRECT'), keyMaterial('SPONSOR_QUALIFICATION', 'DIRECT'),
      keyMaterial('SCHOOL_CHARTER'), keyMaterial('FIRST_BOARD_MEMBER_LIST'), keyMaterial('ASSET_PROOF'), keyMaterial('PRINCIPAL_QUALIFICATION'),
      lateMaterial('TEACHER_QUALIFICATIONS'), lateMaterial('FINANCE_STAFF_QUALIFICATIONS'), lateMaterial('FIRE_SAFETY_PROOF'),
    ],
  }),
  DIVISION: row({
    code: 'DIVISION', serviceCode: 'JY-XK-003', kind: 'APPROVAL', name: '民办学校分立审批', nameEn: 'Approval to divide a private school',
    decisionLimit: education('第五十三条', 3), institutionReference: 'REQUIRED', issuesLicence: true, legalBasis: `${PRIVATE_EDUCATION_LAW}第五十三条`,
    materials: [...CHANGE, keyMaterial('FINANCIAL_CLEARANCE_REPORT'), keyMaterial('DIVISION_PLAN'), lateMaterial('STAFF_STUDENT_ARRANGEMENT'), lateMaterial('LICENCE_ORIGINAL')],
  }),
  MERGER: row({
    code: 'MERGER', serviceCode: 'JY-XK-004', kind: 'APPROVAL', name: '民办学校合并审批', nameEn: 'Approval to merge private schools',
    decisionLimit: education('第五十三条', 3), institutionReference: 'REQUIRED', issuesLicence: true, legalBasis: `${PRIVATE_EDUCATION_LAW}第五十三条`,
    materials: [...CHANGE, keyMaterial('FINANCIAL_CLEARANCE_REPORT'), keyMaterial('MERGER_AGREEMENT'), lateMaterial('STAFF_STUDENT_ARRANGEMENT'), lateMaterial('LICENCE_ORIGINAL')],
  }),
  TERMINATION: row({
    code: 'TERMINATION', serviceCode: 'JY-XK-005', kind: 'APPROVAL', name: '民办学校终止审批', nameEn: 'Approval to terminate a private school',
    decisionLimit: twentyDays, institutionReference: 'REQUIRED', issuesLicence: false, legalBasis: `${PRIVATE_EDUCATION_LAW}第五十六条、第五十七条、第五十八条`,
    materials: [
      keyMaterial('TERMINATION_APPLICATION'), keyMaterial('BOARD_RESOLUTION'), keyMaterial('STUDENT_PLACEMENT_PLAN'),
      keyMaterial('FINANCIAL_CLEARANCE_REPORT'), keyMaterial('LICENCE_RETURN'), lateMaterial('ARCHIVES_TRANSFER_PLAN'),
    ],
  }),
  CHANGE_NAME: row({
    code: 'CHANGE_NAME', serviceCode: 'JY-XK-006', kind: 'APPROVAL', name: '民办学校名称变更审批', nameEn: 'Approval to change the name of a private school',
    decisionLimit: education('第五十五条', 3), institutionReference: 'REQUIRED', issuesLicence: true, legalBasis: `${PRIVATE_EDUCATION_LAW}第五十五条`,
    materials: [...CHANGE, lateMaterial('NAME_PRE_APPROVAL'), lateMaterial('AMENDED_CHARTER'), lateMaterial('LICENCE_ORIGINAL')],
  }),
  CHANGE_LEVEL_CATEGORY: row({
    code: 'CHANGE_LEVEL_CATEGORY', serviceCode: 'JY-XK-007', kind: 'APPROVAL', name: '民办学校层次、类别变更审批',
    nameEn: 'Approval to change the level or category of a private school',
    decisionLimit: education('第五十五条', 3), institutionReference: 'REQUIRED', issuesLicence: true, legalBasis: `${PRIVATE_EDUCATION_LAW}第五十五条`,
    materials: [...CHANGE, keyMaterial('ASSET_PROOF'), lateMaterial('FEASIBILITY_STUDY'), lateMaterial('TEACHER_QUALIFICATIONS'), lateMaterial('AMENDED_CHARTER'), lateMaterial('LICENCE_ORIGINAL')],
  }),
  CHANGE_ADDRESS: row({
    code: 'CHANGE_ADDRESS', serviceCode: 'JY-XK-008', kind: 'APPROVAL', name: '民办学校办学地址变更审批', nameEn: 'Approval to change the address of a private school',
    decisionLimit: twentyDays, institutionReference: 'REQUIRED', issuesLicence: true, legalBasis: `${LICENSING_LAW}第四十二条`,
    materials: [...CHANGE, keyMaterial('PREMISES_PROOF'), lateMaterial('FIRE_SAFETY_PROOF'), lateMaterial('LICENCE_ORIGINAL')],
  }),
  CHANGE_SPONSOR: row({
    code: 'CHANGE_SPONSOR', serviceCode: 'JY-XK-009', kind: 'VERIFICATION', name: '民办学校举办者变更核准', nameEn: 'Verification of a change of sponsor',
    decisionLimit: twentyDays, institutionReference: 'REQUIRED', issuesLicence: true, legalBasis: `${PRIVATE_EDUCATION_LAW}第五十四条`,
    requiresBoardSupermajority: true,
    materials: [
      keyMaterial('SPONSOR_CHANGE_AGREEMENT'), keyMaterial('BOARD_RESOLUTION'), keyMaterial('FINANCIAL_CLEARANCE_REPORT'),
      keyMaterial('NEW_SPONSOR_QUALIFICATION'), lateMaterial('LICENCE_ORIGINAL'),
    ],
  }),
  CHARTER_FILING: row({
    code: 'CHARTER_FILING', serviceCode: 'JY-BA-001', kind: 'FILING', name: '民办学校章程修改备案', nameEn: 'Filing of an amended charter',
    decisionLimit: null, institutionReference: 'REQUIRED', issuesLicence: false, legalBasis: '《中华人民共和国民办教育促进法实施条例》',
    materials: [keyMaterial('AMENDED_CHARTER'), keyMaterial('BOARD_RESOLUTION'), plainMaterial('CHARTER_AMENDMENT_TABLE')],
  }),
  CONTROL_CHANGE_FILING: row({
    code: 'CONTROL_CHANGE_FILING', serviceCode: 'JY-BA-002', kind: 'FILING', name: '民办学校法人举办者控股股东变更备案',
    nameEn: "Filing of a change of a corporate sponsor's controlling shareholder",
    decisionLimit: null, institutionReference: 'REQUIRED', issuesLicence: false, legalBasis: '《中华人民共和国民办教育促进法实施条例》',
    materials: [keyMaterial('CONTROL_CHANGE_REPORT'), keyMaterial('SHAREHOLDING_CHANGE_PROOF'), keyMaterial('NEW_CONTROLLER_QUALIFICATION')],
  }),
  BRANCH_FILING: row({
    code: 'BRANCH_FILING', serviceCode: 'JY-BA-003', kind: 'FILING', name: '民办学校设立分校备案', nameEn: 'Filing of a branch campus',
    decisionLimit: null, institutionReference: 'REQUIRED', issuesLicence: false, legalBasis: '《中华人民共和国民办教育促进法实施条例》',
    materials: [keyMaterial('BRANCH_REPORT'), keyMaterial('PREMISES_PROOF'), plainMaterial('BRANCH_MANAGER_LIST')],
  }),
};

export function isMatterTypeCode(code: unknown): code is MatterTypeCode {
  return typeof code === 'string' && (MATTER_TYPE_CODES as readonly string[]).includes(code);
}

/** The materials this matter needs; formal establishment's depend on whether the school was prepared. */
/** `preparedFrom`: the prepared school or the approved preparation matter; null when applying directly. */
export function requiredMaterials(type: MatterType, preparedFrom: string | null): readonly RequiredMaterial[] {
  const route = preparedFrom === null ? 'DIRECT' : 'PREPARED';
  return type.materials.filter((m) => m.route === undefined || type.institutionReference !== 'OPTIONAL' || m.route === route);
}
