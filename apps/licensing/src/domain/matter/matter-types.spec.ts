import { describe, expect, it } from 'vitest';
import { MATTER_TYPES, MATTER_TYPE_CODES, isMatterTypeCode, requiredMaterials } from './matter-types.ts';
import { serviceItems, toServiceItem } from './service-items.ts';
import { DECISION_EXTENSION, LICENCE_ISSUE_PERIOD, PREPARATION_LAPSE_PERIOD, PRE_REVIEW_PERIOD } from './statutory-periods.ts';

const types = Object.values(MATTER_TYPES);

describe('matter type catalogue', () => {
  it('has one entry per code, keyed by its own code', () => {
    expect(Object.keys(MATTER_TYPES).sort()).toEqual([...MATTER_TYPE_CODES].sort());
    for (const [code, type] of Object.entries(MATTER_TYPES)) expect(type.code).toBe(code);
    expect(isMatterTypeCode('MERGER')).toBe(true);
    expect(isMatterTypeCode('MARRIAGE')).toBe(false);
  });

  it.each([
    ['PREPARATION', 'APPROVAL', { workingDays: 30 }, '第十四条', false],
    ['ESTABLISHMENT', 'APPROVAL', { months: 3 }, '第十七条', false],
    ['DIVISION', 'APPROVAL', { months: 3 }, '第五十三条', false],
    ['MERGER', 'APPROVAL', { months: 3 }, '第五十三条', false],
    ['CHANGE_NAME', 'APPROVAL', { months: 3 }, '第五十五条', false],
    ['CHANGE_LEVEL_CATEGORY', 'APPROVAL', { months: 3 }, '第五十五条', false],
    ['TERMINATION', 'APPROVAL', { workingDays: 20 }, '行政许可法》第四十二条', true],
    ['CHANGE_ADDRESS', 'APPROVAL', { workingDays: 20 }, '行政许可法》第四十二条', true],
    ['CHANGE_SPONSOR', 'VERIFICATION', { workingDays: 20 }, '行政许可法》第四十二条', true],
  ] as const)('%s: %s, limit %o (%s), extension %s', (code, kind, limit, basis, extension) => {
    const type = MATTER_TYPES[code];
    expect(type.kind).toBe(kind);
    expect(type.decisionLimit).toEqual({ limit, legalBasis: expect.stringContaining(basis), extensionAllowed: extension });
    expect(type.authority).toBe('APPROVAL_BUREAU');
  });

  it('filings have no decision clock and are recorded by the education bureau', () => {
    for (const code of ['CHARTER_FILING', 'CONTROL_CHANGE_FILING', 'BRANCH_FILING'] as const) {
      expect(MATTER_TYPES[code]).toMatchObject({ kind: 'FILING', decisionLimit: null, authority: 'EDUCATION_BUREAU' });
    }
  });

  it('every type is handled by the policy and law office and has unique, SCREAMING_SNAKE material codes', () => {
    for (const type of types) {
      expect(type.responsibleOffice).toBe('POLICY_LAW');
      const codes = type.materials.map((m) => m.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(type.materials.some((m) => m.key)).toBe(true);
    }
  });

  it('never lets a key material be missing at acceptance, and filings take no shortfall', () => {
    for (const type of types) {
      for (const m of type.materials) if (m.key) expect(m.shortfallAllowed).toBe(false);
      if (type.kind === 'FILING') expect(type.materials.every((m) => !m.shortfallAllowed)).toBe(true);
    }
  });

  it('names the materials the law asks for', () => {
    const keys = (code: keyof typeof MATTER_TYPES) => MATTER_TYPES[code].materials.filter((m) => m.key).map((m) => m.code);
    expect(keys('TERMINATION')).toEqual(expect.arrayContaining(['STUDENT_PLACEMENT_PLAN', 'LICENCE_RETURN']));
    expect(keys('CHANGE_SPONSOR')).toEqual(expect.arrayContaining(['SPONSOR_CHANGE_AGREEMENT', 'BOARD_RESOLUTION']));
    expect(keys('PREPARATION')).toEqual(expect.arrayContaining(['APPLICATION_REPORT', 'SPONSOR_QUALIFICATION', 'ASSET_SOURCE_PROOF']));
    expect(MATTER_TYPES.TERMINATION.materials.find((m) => m.code === 'STUDENT_PLACEMENT_PLAN')?.name).toBe('学生安置方案');
  });

  it('requires an institution except for preparation; establishment may go either way', () => {
    expect(MATTER_TYPES.PREPARATION.institutionReference).toBe('NONE');
    expect(MATTER_TYPES.ESTABLISHMENT.institutionReference).toBe('OPTIONAL');
    for (const type of types.filter((t) => t.code !== 'PREPARATION' && t.code !== 'ESTABLISHMENT')) expect(type.institutionReference).toBe('REQUIRED');
  });

  it('picks the establishment materials by route', () => {
    const prepared = requiredMaterials(MATTER_TYPES.ESTABLISHMENT, 'p-1').map((m) => m.code);
    const direct = requiredMaterials(MATTER_TYPES.ESTABLISHMENT, null).map((m) => m.code);
    expect(prepared).toEqual(expect.arrayContaining(['PREPARATION_APPROVAL', 'PREPARATION_REPORT', 'SCHOOL_CHARTER', 'FIRST_BOARD_MEMBER_LIST']));
    expect(prepared).not.toContain('APPLICATION_REPORT');
    expect(direct).toEqual(expect.arrayContaining(['APPLICATION_REPORT', 'SPONSOR_QUALIFICATION', 'SCHOOL_CHARTER']));
    expect(direct).not.toContain('PREPARATION_APPROVAL');
  });

  it('carries the other statutory periods with their legal basis', () => {
    expect(PRE_REVIEW_PERIOD).toEqual({ limit: { workingDays: 5 }, legalBasis: expect.stringContaining('第三十二条') });
    expect(LICENCE_ISSUE_PERIOD).toEqual({ limit: { workingDays: 10 }, legalBasis: expect.stringContaining('第四十四条') });
    expect(DECISION_EXTENSION).toEqual({ workingDays: 10, legalBasis: expect.stringContaining('第四十二条') });
    expect(PREPARATION_LAPSE_PERIOD).toEqual({ years: 3, legalBasis: expect.stringContaining('实施条例》第十七条') });
  });
});

describe('published service items', () => {
  it('projects every type, sorted by code, with fee none and both channels', () => {
    const items = serviceItems();
    expect(items).toHaveLength(12);
    expect(items.map((i) => i.code)).toEqual([...items.map((i) => i.code)].sort());
    for (const item of items) {
      expect(item).toMatchObject({ fee: 'none', channels: ['ONLINE', 'APPOINTMENT_VISIT'], responsibleOffice: 'POLICY_LAW' });
      expect(item.code).toMatch(/^JY-(XK|BA)-\d{3}$/);
    }
    expect(serviceItems(undefined, 'POWER')).toHaveLength(12);
  });
  it('states the time limit as the public reads it', () => {
    expect(toServiceItem(MATTER_TYPES.PREPARATION).timeLimit).toBe('30个工作日');
    expect(toServiceItem(MATTER_TYPES.ESTABLISHMENT).timeLimit).toBe('3个月');
    expect(toServiceItem(MATTER_TYPES.CHANGE_ADDRESS).timeLimit).toBe('20个工作日（经负责人批准可延长10个工作日）');
    expect(toServiceItem(MATTER_TYPES.BRANCH_FILING).timeLimit).toBe('备案，无审批时限');
    expect(toServiceItem(MATTER_TYPES.PREPARATION)).toMatchObject({ code: 'JY-XK-001', decidingAuthority: 'APPROVAL_BUREAU', listKinds: ['POWER', 'RESPONSIBILITY', 'PUBLIC_SERVICE'] });
  });
  it('follows a city that changes the data', () => {
    const other = { ...MATTER_TYPES, CHANGE_ADDRESS: { ...MATTER_TYPES.CHANGE_ADDRESS, authority: 'EDUCATION_BUREAU' as const } };
    expect(serviceItems(other).find((i) => i.code === 'JY-XK-008')?.decidingAuthority).toBe('EDUCATION_BUREAU');
  });
});
