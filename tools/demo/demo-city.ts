import { creditCodeCheckCharacter } from '@edugraph/rules';

/** The demo's school sponsor (举办者): a private non-enterprise unit (民办非企业单位) of the city. */
export const DEMO_SPONSOR = { creditCode: `52141010MJ0000001${creditCodeCheckCharacter('52141010MJ0000001')}`, name: '滨江育才教育发展中心' };

/**
 * A small city for demos and end-to-end tests: 20 institutions of every level in three school
 * districts, CG 城关 (Chengguan), BJ 滨江 (Binjiang) and XS 西山 (Xishan, rural).
 */
export interface DemoInstitution {
  key: string;
  name: string;
  level: 'PRESCHOOL' | 'PRIMARY' | 'JUNIOR' | 'SENIOR' | 'VOCATIONAL' | 'TRAINING';
  ownership: 'PUBLIC' | 'PRIVATE';
  districtCode: string;
  licenceNumber?: string;
  /** The private school's sponsor (举办者), who may start licensing matters for it. */
  sponsorCreditCode?: string;
  /** Seats per grade for 2026 (primary and junior schools). */
  seatsPerGrade?: number;
  /** Approved places (kindergartens). */
  places?: number;
  /** Programmes published one by one (publishProgramme). */
  programmes?: { code: string; name: string; lengthYears: number; annualIntake: number; featured?: boolean }[];
  /** The school's whole catalogue, synced as its own system would (syncCatalogue). */
  catalogue?: DemoCatalogueRow[];
  ratings?: number[];
}

export interface DemoCatalogueRow {
  code: string;
  name: string;
  lengthYears: number;
  annualIntake: number;
  enrolled: number;
  applicants: number;
  featured: boolean;
  partnerEnterprises: { name: string; creditCode: string }[];
  industries: string[];
}

const partner = (name: string, first17: string) => ({ name, creditCode: `${first17}${creditCodeCheckCharacter(first17)}` });

/** The city's leading industries and modern services (the vocational centre's programmes serve them). */
export const DEMO_INDUSTRIES = [
  { code: 'EQUIP', name: '装备制造', kind: 'LEADING' },
  { code: 'NEWMAT', name: '新材料', kind: 'LEADING' },
  { code: 'ELEC', name: '电子信息', kind: 'LEADING' },
  { code: 'LOGI', name: '现代物流', kind: 'MODERN_SERVICE' },
  { code: 'CARE', name: '健康养老', kind: 'MODERN_SERVICE' },
  { code: 'TOUR', name: '文化旅游', kind: 'MODERN_SERVICE' },
] as const;

/** The catalogue year the demo syncs. */
export const DEMO_CATALOGUE_YEAR = 2026;

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  { key: 'cg-p1', name: '城关第一小学', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'CG', seatsPerGrade: 180, ratings: [5, 4, 5] },
  { key: 'cg-p2', name: '城关实验小学', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'CG', seatsPerGrade: 135 },
  { key: 'cg-j1', name: '城关第一初级中学', level: 'JUNIOR', ownership: 'PUBLIC', districtCode: 'CG', seatsPerGrade: 300, ratings: [4] },
  { key: 'bj-p1', name: '滨江小学', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'BJ', seatsPerGrade: 90 },
  { key: 'bj-p2', name: '滨江育才学校（民办）', level: 'PRIMARY', ownership: 'PRIVATE', districtCode: 'BJ', licenceNumber: '教民141010070000011', sponsorCreditCode: DEMO_SPONSOR.creditCode, seatsPerGrade: 45, ratings: [2, 3] },
  { key: 'bj-j1', name: '滨江初级中学', level: 'JUNIOR', ownership: 'PUBLIC', districtCode: 'BJ', seatsPerGrade: 240 },
  { key: 'bj-j2', name: '启明中学（民办）', level: 'JUNIOR', ownership: 'PRIVATE', districtCode: 'BJ', licenceNumber: '教民141010070000012', sponsorCreditCode: DEMO_SPONSOR.creditCode, seatsPerGrade: 120 },
  { key: 'xs-p1', name: '西山中心小学', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'XS', seatsPerGrade: 45 },
  { key: 'xs-j1', name: '西山初级中学', level: 'JUNIOR', ownership: 'PUBLIC', districtCode: 'XS', seatsPerGrade: 100 },
  { key: 'cg-k1', name: '城关第一幼儿园', level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: 'CG', places: 360, ratings: [5, 5] },
  { key: 'cg-k2', name: '阳光花园小区配套幼儿园', level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: 'CG', places: 270 },
  { key: 'bj-k1', name: '小海豚幼儿园（普惠性民办）', level: 'PRESCHOOL', ownership: 'PRIVATE', districtCode: 'BJ', licenceNumber: '教民141010060000021', places: 180, ratings: [4] },
  { key: 'bj-k2', name: '金苹果幼儿园（民办）', level: 'PRESCHOOL', ownership: 'PRIVATE', districtCode: 'BJ', licenceNumber: '教民141010060000022', sponsorCreditCode: DEMO_SPONSOR.creditCode, places: 150 },
  { key: 'xs-k1', name: '西山乡中心幼儿园', level: 'PRESCHOOL', ownership: 'PUBLIC', districtCode: 'XS', places: 120 },
  { key: 'cg-s1', name: '城关第一高级中学', level: 'SENIOR', ownership: 'PUBLIC', districtCode: 'CG' },
  { key: 'bj-s1', name: '滨江外国语高级中学（民办）', level: 'SENIOR', ownership: 'PRIVATE', districtCode: 'BJ', licenceNumber: '教民141010030000031' },
  {
    key: 'cg-v1',
    name: '市职业教育中心',
    level: 'VOCATIONAL',
    ownership: 'PUBLIC',
    districtCode: 'CG',
    catalogue: [
      { code: '660301', name: '机电技术应用', lengthYears: 3, annualIntake: 200, enrolled: 560, applicants: 260, featured: true, partnerEnterprises: [partner('城关精工装备制造有限公司', '91141010MA0A00001')], industries: ['EQUIP'] },
      { code: '710201', name: '计算机应用', lengthYears: 3, annualIntake: 160, enrolled: 450, applicants: 210, featured: false, partnerEnterprises: [partner('滨江云数信息技术有限公司', '91141010MA0A00002')], industries: ['ELEC'] },
      { code: '720201', name: '护理', lengthYears: 3, annualIntake: 120, enrolled: 350, applicants: 110, featured: true, partnerEnterprises: [partner('城关康养服务有限公司', '91141010MA0A00003')], industries: ['CARE'] },
      { code: '740101', name: '旅游服务与管理', lengthYears: 3, annualIntake: 80, enrolled: 220, applicants: 60, featured: false, partnerEnterprises: [], industries: ['TOUR'] },
    ],
    ratings: [4, 5],
  },
  {
    key: 'bj-v1',
    name: '滨江现代服务职业学校（民办）',
    level: 'VOCATIONAL',
    ownership: 'PRIVATE',
    districtCode: 'BJ',
    licenceNumber: '教民141010040000041',
    programmes: [{ code: '730701', name: '电子商务', lengthYears: 3, annualIntake: 90 }],
  },
  { key: 'cg-t1', name: '启航艺术培训学校（民办）', level: 'TRAINING', ownership: 'PRIVATE', districtCode: 'CG', licenceNumber: '教民141010050000051', sponsorCreditCode: DEMO_SPONSOR.creditCode },
  { key: 'bj-t1', name: '滨江科技培训中心（民办）', level: 'TRAINING', ownership: 'PRIVATE', districtCode: 'BJ', licenceNumber: '教民141010050000052' },
];

export const DEMO_YEAR = 2026;
export const GRADES = { PRIMARY: [1, 2, 3, 4, 5, 6], JUNIOR: [7, 8, 9] } as const;
