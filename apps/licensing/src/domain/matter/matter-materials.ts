// Materials an applicant hands in, named once and reused by every matter type that asks for them.
// Which materials a type needs, and which are key or may be missing at acceptance (容缺), is set per
// type in matter-types.ts: the same document can be key for one matter and optional for another.

export interface RequiredMaterial {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** Without it the matter cannot be accepted with a shortfall, nor approved. */
  readonly key: boolean;
  /** May be missing at acceptance against a signed commitment (容缺受理); never true for a key material. */
  readonly shortfallAllowed: boolean;
  /**
   * Formal establishment has two routes (民办教育促进法 art. 16): after preparation, or directly when the
   * school already meets the standards. A material with a route is required on that route only.
   */
  readonly route?: EstablishmentRoute;
}

export type EstablishmentRoute = 'PREPARED' | 'DIRECT';

const NAMES = {
  APPLICATION_REPORT: ['申办报告', 'Application report'],
  SPONSOR_QUALIFICATION: ['举办者资格证明', "Sponsor's qualification certificate"],
  ASSET_SOURCE_PROOF: ['资产来源、资金数额及验资证明', 'Source of assets, amount of funds and capital verification'],
  DRAFT_CHARTER: ['拟办学校章程草案', 'Draft charter of the proposed school'],
  PREMISES_PROOF: ['校舍、场地产权证明或租赁合同', 'Title deed or lease of the premises'],
  FEASIBILITY_STUDY: ['办学可行性论证报告', 'Feasibility study'],
  PREPARATION_APPROVAL: ['筹设批准书', 'Preparation approval'],
  PREPARATION_REPORT: ['筹设情况报告', 'Report on the preparation'],
  SCHOOL_CHARTER: ['学校章程', 'School charter'],
  FIRST_BOARD_MEMBER_LIST: ['首届决策机构组成人员名单', 'Members of the first board'],
  ASSET_PROOF: ['学校资产的有效证明文件', 'Proof of school assets'],
  PRINCIPAL_QUALIFICATION: ['校长资格证明', "Principal's qualification"],
  TEACHER_QUALIFICATIONS: ['教师资格证明', "Teachers' qualifications"],
  FINANCE_STAFF_QUALIFICATIONS: ['财会人员资格证明', "Finance staff's qualifications"],
  FIRE_SAFETY_PROOF: ['消防安全合格证明', 'Fire safety certificate'],
  CHANGE_APPLICATION: ['变更申请书', 'Application for the change'],
  BOARD_RESOLUTION: ['理事会（董事会）决议', 'Board resolution'],
  FINANCIAL_CLEARANCE_REPORT: ['财务清算报告', 'Financial clearance report'],
  DIVISION_PLAN: ['分立方案', 'Division plan'],
  MERGER_AGREEMENT: ['合并协议', 'Merger agreement'],
  STAFF_STUDENT_ARRANGEMENT: ['师生安置说明', 'Arrangements for staff and students'],
  TERMINATION_APPLICATION: ['终止办学申请书', 'Application to terminate'],
  STUDENT_PLACEMENT_PLAN: ['学生安置方案', 'Student placement plan'],
  LICENCE_RETURN: ['办学许可证正副本（缴回）', 'Licence original and copy (returned)'],
  ARCHIVES_TRANSFER_PLAN: ['档案移交方案', 'Archives transfer plan'],
  LICENCE_ORIGINAL: ['办学许可证正副本', 'Licence original and copy'],
  NAME_PRE_APPROVAL: ['名称预先核准文件', 'Name pre-approval'],
  AMENDED_CHARTER: ['修订后的学校章程', 'Amended charter'],
  SPONSOR_CHANGE_AGREEMENT: ['举办者变更协议', 'Sponsor change agreement'],
  NEW_SPONSOR_QUALIFICATION: ['新举办者资格证明', "New sponsor's qualification"],
  CHARTER_AMENDMENT_TABLE: ['章程修订对照表', 'Charter amendment comparison table'],
  CONTROL_CHANGE_REPORT: ['控股股东变更情况报告', 'Report on the change of controlling shareholder'],
  SHAREHOLDING_CHANGE_PROOF: ['股权变更登记证明', 'Proof of the registered shareholding change'],
  NEW_CONTROLLER_QUALIFICATION: ['新控股股东资格证明', "New controlling shareholder's qualification"],
  BRANCH_REPORT: ['设立分校情况报告', 'Report on the branch campus'],
  BRANCH_MANAGER_LIST: ['分校负责人名单', 'Branch campus managers'],
} as const satisfies Record<string, readonly [string, string]>;

export type MaterialCode = keyof typeof NAMES;

function material(code: MaterialCode, key: boolean, shortfallAllowed: boolean, route?: EstablishmentRoute): RequiredMaterial {
  const [name, nameEn] = NAMES[code];
  return route === undefined ? { code, name, nameEn, key, shortfallAllowed } : { code, name, nameEn, key, shortfallAllowed, route };
}

/** Key material: must be there for a shortfall acceptance and for approval. */
export const keyMaterial = (code: MaterialCode, route?: EstablishmentRoute) => material(code, true, false, route);
/** Non-key material the office may accept late against a commitment. */
export const lateMaterial = (code: MaterialCode) => material(code, false, true);
/** Non-key material that must still be handed in before acceptance (filings have no shortfall). */
export const plainMaterial = (code: MaterialCode) => material(code, false, false);
