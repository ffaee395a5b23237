// Shared test data for sync specs: a small secondary-level catalogue and a valid row builder.
import { catalogueOf } from '../../catalogue/index.ts';
import type { SnapshotRow, SyncContext } from '../types.ts';

export const CATALOGUE = catalogueOf([
  { code: '660101', name: '机械制造技术', level: 'SECONDARY', category: '66' },
  { code: '660301', name: '工业机器人技术应用', level: 'SECONDARY', category: '66' },
  { code: '700601', name: '物流服务与管理', level: 'SECONDARY', category: '70' },
  { code: '710201', name: '计算机应用', level: 'SECONDARY', category: '71' },
  { code: '720201', name: '护理', level: 'SECONDARY', category: '72' },
  { code: '510201', name: '计算机应用技术', level: 'ASSOCIATE', category: '51' },
]);

/** Valid credit codes (check characters computed with creditCodeCheckCharacter). */
export const CREDIT_CODES = ['91320500MA1X000A08', '91320500MA1X000B09', '91320500MA1X000C0A'] as const;

export const CTX: SyncContext = { catalogue: CATALOGUE, schoolLevel: 'SECONDARY', intakeIsCap: true };

export function row(overrides: Partial<SnapshotRow> = {}): SnapshotRow {
  return {
    code: '710201',
    name: '计算机应用',
    lengthYears: 3,
    annualIntake: 120,
    enrolled: 100,
    applicants: 150,
    featured: false,
    partnerEnterprises: [{ name: '某某智能装备有限公司', creditCode: CREDIT_CODES[0] }],
    industries: ['C-ELEC'],
    ...overrides,
  };
}
