import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@edugraph/auth';
import { eventsTopic } from '@edugraph/contracts';
import type { EventEnvelope } from '@edugraph/contracts';
import { anonymous, bureauStaff, creditCodeFrom, entitiesQuery, eventually, institutionStaff, parent, publishInstitutionRegistered, recordTopic, refusalOf, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { vocationalService } from '../src/service.ts';
import { IMPORT_CATALOGUE, sampleCatalogue } from './support/catalogue.ts';

const SYNC = `mutation($schoolId: ID!, $snapshot: CatalogueSnapshotInput!, $dryRun: Boolean) {
  syncCatalogue(schoolId: $schoolId, snapshot: $snapshot, dryRun: $dryRun) {
    schoolId year dryRun alreadyApplied snapshotHash
    added { code name programmeId } changed { code name programmeId fields } retired { code name programmeId }
    unchanged kept rejected { row code programmeCode field message }
  }
}`;
const PROGRAMMES = entitiesQuery('programmes { id code name annualIntake enrolled applicants featured year partnerEnterprises { name creditCode } industries { code name } }');
const SET_INDUSTRIES = `mutation($industries: [IndustryInput!]!) { setIndustries(industries: $industries) { code name kind } }`;
const ALIGN = `mutation($programmeId: ID!, $codes: [String!]!) { alignProgramme(programmeId: $programmeId, industryCodes: $codes) { programme { code industries { code } } } }`;
const STATS = `query($year: Int!) { vocationalStats(year: $year) { year alignedIntakeShare alignedIntake totalIntake intakeByIndustry { industry intake } growth { year intake } oversubscribed { programme code applicants annualIntake } } }`;

interface Result {
  schoolId: string;
  year: number;
  dryRun: boolean;
  alreadyApplied: boolean;
  snapshotHash: string;
  added: { code: string; name: string; programmeId: string | null }[];
  changed: { code: string; name: string; programmeId: string; fields: string[] }[];
  retired: { code: string; name: string; programmeId: string }[];
  unchanged: string[];
  kept: string[];
  rejected: { row: number; code: string; programmeCode: string; field: string; message: string }[];
}
interface Row {
  code: string;
  name: string;
  lengthYears?: number | null;
  annualIntake?: number | null;
  enrolled?: number;
  applicants?: number;
  featured?: boolean | null;
  partnerEnterprises?: { name: string; creditCode: string }[];
  industries?: string[] | null;
  outOfCatalogueReference?: string;
}
interface ProgrammeAnswer {
  id: string;
  code: string;
  name: string;
  annualIntake: number;
  enrolled: number;
  applicants: number;
  featured: boolean;
  year: number;
  partnerEnterprises: { name: string; creditCode: string }[];
  industries: { code: string; name: string }[];
}

const PARTNER = { name: '滨江精工机械有限公司', creditCode: creditCodeFrom('91330100MA27A0001') };
const row = (code: string, name: string, more: Partial<Row> = {}): Row => ({ code, name, lengthYears: 3, annualIntake: 100, enrolled: 280, applicants: 90, ...more });
const CATALOGUE_2026: Row[] = [
  row('660301', '机电技术应用', { annualIntake: 120, featured: true, partnerEnterprises: [PARTNER], industries: ['EQUIP'] }),
  row('710201', '计算机应用', { annualIntake: 160, applicants: 240, industries: ['ELEC'] }),
  row('720201', '护理', { annualIntake: 120, industries: ['CARE'] }),
  row('740101', '旅游服务与管理', { annualIntake: 80 }),
];
const INDUSTRIES = [
  { code: 'EQUIP', name: '装备制造', kind: 'LEADING' },
  { code: 'ELEC', name: '电子信息', kind: 'LEADING' },
  { code: 'CARE', name: '健康养老', kind: 'MODERN_SERVICE' },
  { code: 'TOUR', name: '文化旅游', kind: 'MODERN_SERVICE' },
];

for (const database of await serviceTestDatabases()) describe(`catalogue sync (${database.label}, in-process events)`, () => {
  let t: TestService;
  let published: EventEnvelope[];
  const newSchool = async () => {
    const id = (await publishInstitutionRegistered(t.transport, { level: 'VOCATIONAL' })).payload.institutionId;
    await t.transport.idle();
    return id;
  };
  const sync = (schoolId: string, programmes: Row[], options: { year?: number; dryRun?: boolean; intakeIsCap?: boolean; actor?: Actor } = {}) =>
    t
      .as(options.actor ?? institutionStaff(schoolId))<{ syncCatalogue: Result }>(SYNC, { schoolId, snapshot: { year: options.year ?? 2026, intakeIsCap: options.intakeIsCap ?? false, programmes }, dryRun: options.dryRun ?? false })
      .then((r) => r.syncCatalogue);
  const programmesOf = async (schoolId: string) =>
    (await t.as(parent)<{ _entities: { programmes: ProgrammeAnswer[] }[] }>(PROGRAMMES, { r: [{ __typename: 'Institution', id: schoolId }] }))._entities[0]!.programmes;
  const eventsOf = (schoolId: string) => published.filter((e) => e.type !== 'vocational.school.opened' && (e.payload as { institutionId?: string }).institutionId === schoolId);

  beforeAll(async () => {
    t = await startTestService(vocationalService, { database });
    published = await recordTopic(t.transport, eventsTopic('vocational'));
    await t.as(bureauStaff)(IMPORT_CATALOGUE, { entries: sampleCatalogue() });
    await t.as(bureauStaff)(SET_INDUSTRIES, { industries: INDUSTRIES });
  });
  afterAll(() => t.stop());

  it('applies a first snapshot: every programme added, one event each and one for the sync, in one transaction', async () => {
    const school = await newSchool();
    const result = await sync(school, CATALOGUE_2026);
    expect(result).toMatchObject({ schoolId: school, year: 2026, dryRun: false, alreadyApplied: false, changed: [], retired: [], unchanged: [], kept: [], rejected: [] });
    expect(result.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.added.map((a) => a.code)).toEqual(['660301', '710201', '720201', '740101']);
    expect(result.added.every((a) => a.programmeId !== null)).toBe(true);
    const programmes = await programmesOf(school);
    expect(programmes.find((p) => p.code === '660301')).toMatchObject({ annualIntake: 120, featured: true, year: 2026, partnerEnterprises: [PARTNER], industries: [{ code: 'EQUIP', name: '装备制造' }] });
    await eventually(async () => {
      const events = eventsOf(school);
      expect(events.filter((e) => e.type === 'vocational.programme.published').map((e) => e.aggregateId).sort()).toEqual(result.added.map((a) => a.programmeId).sort());
      expect(events.filter((e) => e.type === 'vocational.catalogue.synced').map((e) => e.payload)).toEqual([
        { institutionId: school, year: 2026, snapshotHash: result.snapshotHash, rows: 4, added: 4, changed: 0, retired: 0, unchanged: 0, kept: 0, rejectedRows: 0 },
      ]);
    });
  });

  it('changes nothing for the same snapshot again, whatever the order of its rows, and says it was already applied', async () => {
    const school = await newSchool();
    const first = await sync(school, CATALOGUE_2026);
    await eventually(async () => expect(eventsOf(school)).toHaveLength(5));
    const again = await sync(school, [...CATALOGUE_2026].reverse());
    expect(again).toMatchObject({ alreadyApplied: true, snapshotHash: first.snapshotHash, added: [], changed: [], retired: [], unchanged: ['660301', '710201', '720201', '740101'] });
    await t.transport.idle();
    expect(eventsOf(school)).toHaveLength(5);
  });

  it('changes, retires and brings back programmes, naming the fields that changed', async () => {
    const school = await newSchool();
    const first = await sync(school, CATALOGUE_2026);
    const idOf = (code: string) => first.added.find((a) => a.code === code)!.programmeId;
    const changedRows = [row('660301', '机电技术应用', { annualIntake: 150, featured: true, partnerEnterprises: [], industries: ['EQUIP'] }), ...CATALOGUE_2026.slice(1, 3)];
    const second = await sync(school, changedRows);
    expect(second.changed).toEqual([{ code: '660301', name: '机电技术应用', programmeId: idOf('660301'), fields: ['annualIntake', 'partnerEnterprises'] }]);
    expect(second.retired).toEqual([{ code: '740101', name: '旅游服务与管理', programmeId: idOf('740101') }]);
    expect(second.unchanged).toEqual(['710201', '720201']);
    expect((await programmesOf(school)).map((p) => p.code)).toEqual(['660301', '710201', '720201']);
    const third = await sync(school, CATALOGUE_2026);
    expect(third.added).toEqual([{ code: '740101', name: '旅游服务与管理', programmeId: idOf('740101') }]);
    await eventually(async () => {
      const types = eventsOf(school).map((e) => `${e.type}:${(e.payload as { code?: string }).code ?? ''}`);
      expect(types).toEqual(expect.arrayContaining(['vocational.programme.changed:660301', 'vocational.programme.retired:740101']));
      expect(types.filter((x) => x === 'vocational.programme.published:740101')).toHaveLength(2);
    });
    expect(eventsOf(school).find((e) => e.type === 'vocational.programme.changed')!.payload).toMatchObject({ fields: ['annualIntake', 'partnerEnterprises'], annualIntake: 150 });
  });

  it('applies the good rows of a mixed snapshot, rejects each bad one with its row, field and reason, and keeps what a bad row names', async () => {
    const school = await newSchool();
    await sync(school, CATALOGUE_2026);
    // Intake is a cap here: enrolled students are kept under it except where that is the fault.
    const mixed: Row[] = [
      row('660301', '机电技术应用', { annualIntake: -5, enrolled: 50 }),
      row('710201', '计算机应用', { annualIntake: 170, enrolled: 150, applicants: 240, industries: ['ELEC'] }),
      row('710299', '人工智能应用', { annualIntake: 40, enrolled: 0 }),
      row('710299', '人工智能应用', { annualIntake: 40, enrolled: 0, outOfCatalogueReference: '教职成函〔2026〕5号' }),
      row('510201', '计算机应用技术', { enrolled: 0 }),
      row('720201', '护理', { annualIntake: 12.5, enrolled: 0, industries: ['CARE'] }),
      row('740101', '旅游服务与管理', { enrolled: 500, partnerEnterprises: [{ name: '某旅行社', creditCode: '91330100MA27A000XX' }] }),
      row('740201', '中餐烹饪', { annualIntake: 60, enrolled: 61 }),
      row('710201', '计算机应用', { annualIntake: 1, enrolled: 0 }),
      row('770101', '幼儿保育', { enrolled: 0, featured: null, industries: ['NOPE'] }),
    ];
    const result = await sync(school, mixed, { intakeIsCap: true });
    expect(result.changed.map((c) => [c.code, c.fields])).toEqual([['710201', ['annualIntake', 'enrolled']]]);
    expect(result.added).toEqual([]);
    expect(result.retired).toEqual([]);
    expect(result.kept).toEqual(['660301', '720201', '740101']);
    expect(result.rejected.map((r) => [r.row, r.programmeCode, r.code, r.field])).toEqual([
      [1, '660301', 'INVALID_INTAKE', 'annualIntake'],
      [3, '710299', 'UNKNOWN_CATALOGUE_CODE', 'code'],
      [4, '710299', 'DUPLICATE_CODE', 'code'],
      [5, '510201', 'WRONG_LEVEL', 'code'],
      [6, '720201', 'INVALID_INTAKE', 'annualIntake'],
      [7, '740101', 'ENROLLED_ABOVE_INTAKE', 'enrolled'],
      [7, '740101', 'INVALID_CREDIT_CODE', 'partnerEnterprises[0].creditCode'],
      [8, '740201', 'ENROLLED_ABOVE_INTAKE', 'enrolled'],
      [9, '710201', 'DUPLICATE_CODE', 'code'],
      [10, '770101', 'INVALID_FEATURED', 'featured'],
      [10, '770101', 'UNKNOWN_INDUSTRY', 'industries[0]'],
    ]);
    expect(result.rejected[0]!.message).toBe('annualIntake must be a whole number 0–10000 (got -5)');
    const programmes = await programmesOf(school);
    expect(programmes.map((p) => [p.code, p.annualIntake])).toEqual([['660301', 120], ['710201', 170], ['720201', 120], ['740101', 80]]);
  });

  it('accepts an approved out-of-catalogue programme with its reference', async () => {
    const school = await newSchool();
    const result = await sync(school, [row('710299', '人工智能应用', { outOfCatalogueReference: '教职成函〔2026〕5号' })]);
    expect(result.added.map((a) => a.code)).toEqual(['710299']);
    expect(result.rejected).toEqual([]);
  });

  it('shows the same diff in a dry run and writes nothing', async () => {
    const school = await newSchool();
    await sync(school, CATALOGUE_2026);
    await eventually(async () => expect(eventsOf(school)).toHaveLength(5));
    const changed = [row('660301', '机电技术应用', { annualIntake: 150, featured: true, partnerEnterprises: [PARTNER], industries: ['EQUIP'] }), row('770101', '幼儿保育')];
    const dry = await sync(school, changed, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, alreadyApplied: false, added: [{ code: '770101', programmeId: null }], changed: [{ code: '660301', fields: ['annualIntake'] }] });
    expect(dry.retired.map((r) => r.code)).toEqual(['710201', '720201', '740101']);
    expect((await programmesOf(school)).map((p) => [p.code, p.annualIntake])).toEqual([['660301', 120], ['710201', 160], ['720201', 120], ['740101', 80]]);
    const real = await sync(school, changed);
    expect({ ...real, dryRun: true, added: real.added.map((a) => ({ ...a, programmeId: null })) }).toEqual(dry);
    await eventually(async () => expect(eventsOf(school)).toHaveLength(5 + 1 + 1 + 3 + 1));
  });

  it('serialises two syncs of one school: the result is one snapshot or the other, never a mix', async () => {
    const school = await newSchool();
    await sync(school, CATALOGUE_2026);
    const a = [row('660301', '机电技术应用', { annualIntake: 111 }), row('710201', '计算机应用', { annualIntake: 111 })];
    const b = [row('720201', '护理', { annualIntake: 222 }), row('740101', '旅游服务与管理', { annualIntake: 222 }), row('770101', '幼儿保育', { annualIntake: 222 })];
    const [ra, rb] = await Promise.all([sync(school, a), sync(school, b)]);
    const final = (await programmesOf(school)).map((p) => [p.code, p.annualIntake]);
    const asA = [['660301', 111], ['710201', 111]];
    const asB = [['720201', 222], ['740101', 222], ['770101', 222]];
    expect([asA, asB]).toContainEqual(final);
    // The later of the two saw the earlier's result: it retired exactly what the earlier had left.
    const later = final.length === 2 ? ra : rb;
    const earlierCodes = (final.length === 2 ? b : a).map((r) => r.code);
    expect(later.retired.map((r) => r.code)).toEqual(earlierCodes.filter((code) => !(final.length === 2 ? a : b).some((r) => r.code === code)));
  });

  it('keeps a programme’s alignment when the snapshot leaves industries out, and clears it when they are empty', async () => {
    const school = await newSchool();
    const first = await sync(school, [row('740101', '旅游服务与管理')]);
    const id = first.added[0]!.programmeId!;
    expect((await t.as(institutionStaff(school))<{ alignProgramme: { programme: { industries: { code: string }[] } } }>(ALIGN, { programmeId: id, codes: ['TOUR'] })).alignProgramme.programme.industries).toEqual([{ code: 'TOUR' }]);
    const kept = await sync(school, [row('740101', '旅游服务与管理', { industries: null })]);
    expect(kept.unchanged).toEqual(['740101']);
    expect((await programmesOf(school))[0]!.industries).toEqual([{ code: 'TOUR', name: '文化旅游' }]);
    const cleared = await sync(school, [row('740101', '旅游服务与管理', { industries: [] })]);
    expect(cleared.changed).toEqual([{ code: '740101', name: '旅游服务与管理', programmeId: id, fields: ['industries'] }]);
  });

  it('lets only the school’s staff or a system holding catalogue:sync for it sync', async () => {
    const school = await newSchool();
    const other = await newSchool();
    const system = (scopes: string[]): Actor => ({ id: 'system:centre', kind: 'system', roles: ['CITY_SYSTEM'], institutionId: null, office: null, creditCode: null, scopes });
    expect((await sync(school, CATALOGUE_2026, { actor: system([`catalogue:sync@${school}`]), dryRun: true })).added).toHaveLength(4);
    for (const actor of [system([`catalogue:sync@${other}`]), system([]), institutionStaff(other), bureauStaff]) {
      expect(await refusalOf(sync(school, CATALOGUE_2026, { actor }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await refusalOf(sync(school, CATALOGUE_2026, { actor: anonymous }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a snapshot over 2,000 programmes, an earlier year than the one applied, and an unknown school, writing nothing', async () => {
    const school = await newSchool();
    const huge = Array.from({ length: 2001 }, (_, i) => row('710201', `计算机应用${i}`));
    expect(await refusalOf(sync(school, huge))).toEqual({ code: 'SNAPSHOT_TOO_LARGE', message: "A snapshot may hold at most 2,000 programmes; this one has 2,001. Split the school's catalogue or ask the bureau to raise the limit." });
    await sync(school, CATALOGUE_2026, { year: 2027 });
    expect(await refusalOf(sync(school, CATALOGUE_2026, { year: 2026 }))).toEqual({ code: 'SNAPSHOT_OUT_OF_DATE', message: "The school's catalogue is already at 2027; a snapshot for 2026 cannot replace it." });
    const unknown = '0190a6f2-7b1c-7d3e-8f00-1234567890ab';
    expect(await refusalOf(sync(unknown, CATALOGUE_2026))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts the year’s intake by industry, its growth, its aligned share and oversubscription', async () => {
    const before = (await t.as(anonymous)<{ vocationalStats: { totalIntake: number; alignedIntake: number } }>(STATS, { year: 2030 })).vocationalStats;
    const school = await newSchool();
    await sync(school, CATALOGUE_2026, { year: 2029 });
    await sync(school, [...CATALOGUE_2026, row('770101', '幼儿保育', { annualIntake: 40, applicants: 100, industries: [] })], { year: 2030 });
    const stats = (await t.as(anonymous)<{ vocationalStats: { year: number; totalIntake: number; alignedIntake: number; alignedIntakeShare: number; growth: { year: number; intake: number }[]; intakeByIndustry: { industry: string; intake: number }[]; oversubscribed: { programme: string; code: string; applicants: number }[] } }>(STATS, { year: 2030 })).vocationalStats;
    expect(stats.totalIntake - before.totalIntake).toBe(520);
    expect(stats.alignedIntake - before.alignedIntake).toBe(400);
    expect(stats.growth.find((g) => g.year === 2029)!.intake).toBeGreaterThanOrEqual(480);
    expect(stats.oversubscribed.map((o) => o.code)).toEqual(expect.arrayContaining(['770101', '710201']));
    expect(stats.intakeByIndustry.map((i) => i.industry)).toEqual(['EQUIP', 'ELEC', 'CARE', 'TOUR']);
  });

  it('counts a programme kept by a rejected row in the new year with the figures it had', async () => {
    const school = await newSchool();
    await sync(school, CATALOGUE_2026, { year: 2033 });
    const before = (await t.as(anonymous)<{ vocationalStats: { totalIntake: number } }>(STATS, { year: 2034 })).vocationalStats.totalIntake;
    const result = await sync(school, [...CATALOGUE_2026.slice(0, 3), row('740101', '旅游服务与管理', { annualIntake: -1 })], { year: 2034 });
    expect(result.kept).toEqual(['740101']);
    const after = (await t.as(anonymous)<{ vocationalStats: { totalIntake: number } }>(STATS, { year: 2034 })).vocationalStats.totalIntake;
    expect(after - before).toBe(120 + 160 + 120 + 80);
  });

  it('refuses to remove an industry programmes serve, naming it', async () => {
    expect(await refusalOf(t.as(bureauStaff)(SET_INDUSTRIES, { industries: INDUSTRIES.filter((i) => i.code !== 'EQUIP') }))).toMatchObject({ code: 'INDUSTRY_IN_USE' });
    expect(await refusalOf(t.as(bureauStaff)(SET_INDUSTRIES, { industries: [...INDUSTRIES, { code: 'bad code', name: 'x', kind: 'LEADING' }] }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusalOf(t.as(institutionStaff('x'))(SET_INDUSTRIES, { industries: INDUSTRIES }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
