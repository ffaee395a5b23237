import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { issueToken } from '@edugraph/gateway';
import type { Role } from '@edugraph/auth';
import { createLogger } from '@edugraph/platform';
import { residentIdCheckCharacter } from '@edugraph/rules';
import { eventually, graphql, refusalOf } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { verifyRound } from '../tools/verify-round/verify-round.ts';
import type { PublishedRound } from '../tools/verify-round/verify-round.ts';
import { REGISTER } from './city-question.ts';

const JWT_SECRET = 'enrollment-journey-jwt-secret-0123456789abcdef';
const SEED = 'e2e-journey-2026-grade-1-seed';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A valid resident ID (GB 11643) born on the day. */
const residentId = (birthDate: string, sequence: number) => {
  const first17 = `110101${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
};
/** A 2026 grade-1 application form for child n, owner-occupied since 2022. */
const form = (n: number, district: string, ranked: string[] = []) => ({
  year: 2026,
  grade: 1,
  child: { name: `李小${n}`, residentId: residentId(`2019-10-${10 + n}`, 101 + 2 * n), birthDate: `2019-10-${10 + n}`, sex: 'MALE' },
  guardians: [{ name: `李建${n}`, residentId: residentId('1988-03-15', 201 + 2 * n), phone: `1390013${1000 + n}`, relation: 'FATHER' }],
  residenceDistrictCode: district,
  housing: 'OWNER',
  residenceSince: '2022-01-01',
  rankedSchoolIds: ranked,
});

const PLACEMENT = 'id status child { name residentId } guardians { residentId phone } documents { id number status } placement { kind school { id } explanation explanationEn }';
const LEDGER = 'query($s: ID!) { fundingLedger(schoolId: $s, year: 2026) { students balanced balanceFen expectedFen entries { studentId kind amountFen } } }';
type Application = { id: string; status: string; documents: { id: string }[]; placement: { kind: string; school: { id: string } | null; explanation: string; explanationEn: string } | null };
type Ledger = { students: number; balanced: boolean; entries: { studentId: string; kind: string; amountFen: number }[] };

describe('a migrant child’s school place end to end: apply, verify, round, accept, enrol, transfer, funding', () => {
  let system: EmbeddedSystem;
  const headers: Record<string, Record<string, string>> = { anonymous: {} };
  /** Every answer (and refusal) the gateway gave, except the audited personalData read. */
  const seen: string[] = [];
  const schools: Record<string, string> = {};
  const families = [0, 1, 2, 3, 4].map((n) => ({ who: `parent-${n}`, form: form(n, n < 4 ? 'CG' : 'BJ'), id: '' }));

  const as = async <T = Record<string, unknown>>(who: string, query: string, variables: Record<string, unknown> = {}, record = true): Promise<T> => {
    try {
      const data = await graphql<T>(system.gatewayUrl, query, variables, headers[who]);
      if (record) seen.push(JSON.stringify(data));
      return data;
    } catch (error) {
      seen.push(JSON.stringify((error as { errors?: unknown }).errors ?? String(error)));
      throw error;
    }
  };
  const sign = async (who: string, roles: Role[], extra: { office?: string; institutionId?: string } = {}) => {
    headers[who] = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: who, roles, ...extra })}` };
  };
  const application = async (who: string, id: string) => (await as<{ application: Application }>(who, `query($id: ID!) { application(id: $id) { ${PLACEMENT} } }`, { id })).application;
  const ledger = async (who: string, schoolId: string) => (await as<{ fundingLedger: Ledger }>(who, LEDGER, { s: schoolId })).fundingLedger;

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent') });
    await sign('admissions', ['BUREAU_STAFF'], { office: 'ADMISSIONS' });
    await sign('planning', ['BUREAU_STAFF'], { office: 'PLANNING' });
    await sign('dpo', ['DATA_PROTECTION_OFFICER']);
    for (const f of [...families, { who: 'parent-x' }]) await sign(f.who, ['PARENT']);
  });
  afterAll(() => system?.stop());

  it('sets up districts and three schools with seats through the gateway', async () => {
    await as('admissions', 'mutation { setDistrict(input: { code: "CG", name: "城关", kind: URBAN }) { code } }');
    await as('admissions', 'mutation { setDistrict(input: { code: "BJ", name: "滨江", kind: URBAN }) { code } }');
    await as('admissions', 'mutation { setDistrictDistance(input: { fromCode: "CG", toCode: "BJ", km: 8.5 }) { km } }');
    expect((await refusalOf(as('planning', 'mutation { setDistrict(input: { code: "XX", name: "X", kind: RURAL }) { code } }'))).code).toBe('FORBIDDEN');
    const { districts } = await as<{ districts: { code: string }[] }>('anonymous', '{ districts { code name kind } }');
    expect(districts.map((d) => d.code).sort()).toEqual(['BJ', 'CG']);
    for (const [key, districtCode, seats] of [['A', 'CG', 2], ['B', 'CG', 1], ['C', 'BJ', 3]] as const) {
      const input = { name: `旅程${key}小学`, level: 'PRIMARY', ownership: 'PUBLIC', districtCode };
      schools[key] = (await as<{ registerInstitution: { institution: { id: string } } }>('planning', REGISTER, { input })).registerInstitution.institution.id;
      await sign(`staff-${key}`, ['INSTITUTION_STAFF'], { institutionId: schools[key] });
      await eventually(() => as('planning', 'mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity } } }', { i: { institutionId: schools[key], year: 2026, grade: 1, capacity: seats } }));
    }
  });

  it('takes one application per child, masked, and the admissions office verifies the documents', async () => {
    for (const f of families) {
      const input = { ...f.form, rankedSchoolIds: f.form.residenceDistrictCode === 'CG' ? [schools['A']] : [] };
      const a = (await as<{ submitApplication: { application: Application & { child: { residentId: string } } } }>(f.who, `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { application { ${PLACEMENT} } } }`, { input })).submitApplication.application;
      expect(a.status).toBe('SUBMITTED');
      expect(a.child.residentId).toMatch(/^1101\*{10}\d{3}[\dX]$/);
      f.id = a.id;
    }
    const twice = await refusalOf(as('parent-x', 'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { application { id } } }', { input: families[0]!.form }));
    expect(twice.code).toBe('ALREADY_EXISTS');
    for (const f of families) {
      let a: Application | undefined;
      for (const type of ['RESIDENCE_PERMIT', 'PROPERTY_CERTIFICATE']) {
        const add = `mutation($id: ID!, $t: DocumentType!) { addDocument(applicationId: $id, type: $t, number: "DOC-20260055${f.who.slice(-1)}", issuer: "城关区", validUntil: "2030-12-31") { application { ${PLACEMENT} } } }`;
        a = (await as<{ addDocument: { application: Application } }>(f.who, add, { id: f.id, t: type })).addDocument.application;
      }
      const verify = `mutation($id: ID!, $d: ID!) { verifyDocument(applicationId: $id, documentId: $d, outcome: VERIFIED) { application { ${PLACEMENT} } } }`;
      expect((await refusalOf(as('planning', verify, { id: f.id, d: a!.documents[0]!.id }))).code).toBe('FORBIDDEN');
      for (const d of a!.documents) a = (await as<{ verifyDocument: { application: Application } }>('admissions', verify, { id: f.id, d: d.id })).verifyDocument.application;
      expect(a!.status).toBe('READY');
    }
  });

  it('runs the committed round; each family sees its placement explained, and anyone can re-run it', async () => {
    await as('admissions', `mutation { commitRoundSeed(year: 2026, grade: 1, seedHash: "${sha256(SEED)}") { round { seedHash } } }`);
    const ran = await as<{ runPlacementRound: { round: Record<string, unknown> } }>('admissions', `mutation { runPlacementRound(year: 2026, grade: 1, seed: "${SEED}") { round { seed placedCount reassignedCount waitlistedCount ineligibleCount } } }`);
    // CG: four children, three seats, so one goes to BJ (8.5 km), where C has three.
    expect(ran.runPlacementRound.round).toEqual({ seed: SEED, placedCount: 5, reassignedCount: 1, waitlistedCount: 0, ineligibleCount: 0 });
    const placements = new Map<string, Application['placement']>();
    for (const f of families) {
      const a = await application(f.who, f.id);
      expect(a.status).toBe('PLACED');
      expect(a.placement!.explanation).toMatch(/[\u4e00-\u9fff]/);
      expect(a.placement!.explanationEn).toMatch(/[A-Za-z]{4,} [A-Za-z]{2,}/);
      placements.set(f.id, a.placement);
    }
    expect(placements.get(families[4]!.id)).toMatchObject({ kind: 'IN_DISTRICT', school: { id: schools['C'] } });
    const { placementRound } = await as<{ placementRound: PublishedRound }>('anonymous', `{ placementRound(year: 2026, grade: 1) { seed seedHash publishedInput outcomes { applicationId kind schoolId tier lotteryTicket lotteryRank } } }`);
    const verification = verifyRound(placementRound);
    expect(verification).toEqual({ seedMatchesHash: true, applications: 5, matched: 5, mismatches: [] });
    for (const o of placementRound.outcomes) expect({ kind: o.kind, school: o.schoolId }).toEqual({ kind: placements.get(o.applicationId)!.kind, school: placements.get(o.applicationId)!.school!.id });
  });

  it('enrols the accepting child at the placed school, transfers it, and moves its funding with it', async () => {
    // A CG family the lottery placed in its own district (A or B; who is reassigned depends on the draw).
    const placements = await Promise.all(families.map(async (f) => ({ f, at: (await application(f.who, f.id)).placement?.school?.id })));
    const { f: family, at } = placements.find((p) => p.f.form.residenceDistrictCode === 'CG' && (p.at === schools['A'] || p.at === schools['B']))!;
    const placedAt = at!;
    const key = Object.keys(schools).find((k) => schools[k] === placedAt)!;
    const respond = 'mutation($id: ID!) { respondToPlacement(applicationId: $id, response: ACCEPT) { application { status } } }';
    expect((await refusalOf(as('parent-x', respond, { id: family.id }))).code).toBe('FORBIDDEN');
    await as(family.who, respond, { id: family.id });
    const enrol = 'mutation($id: ID!) { enrol(applicationId: $id) { application { status } } }';
    expect((await refusalOf(as('staff-C', enrol, { id: family.id }))).code).toBe('FORBIDDEN');
    expect(await as(`staff-${key}`, enrol, { id: family.id })).toEqual({ enrol: { application: { status: 'ENROLLED' } } });
    const studentId = (await ledger(`staff-${key}`, placedAt)).entries.find((e) => e.kind === 'ENROLMENT')!.studentId;
    const transfer = 'mutation($s: ID!, $to: ID!) { transferStudent(studentId: $s, toSchoolId: $to, reason: "家庭搬迁至滨江") { student { school { id } } entries { kind amountFen } } }';
    expect((await refusalOf(as('planning', transfer, { s: studentId, to: schools['C'] }))).code).toBe('FORBIDDEN');
    const moved = (await as<{ transferStudent: { student: { school: { id: string } }; entries: { kind: string; amountFen: number }[] } }>('admissions', transfer, { s: studentId, to: schools['C'] })).transferStudent;
    expect(moved.student.school.id).toBe(schools['C']);
    expect(moved.entries.map((e) => e.kind)).toEqual(['TRANSFER_OUT', 'TRANSFER_IN']);
    expect(moved.entries[0]!.amountFen + moved.entries[1]!.amountFen).toBe(0);
    const from = await ledger('planning', placedAt);
    const to = await ledger('staff-C', schools['C']!);
    expect(from).toMatchObject({ students: 0, balanced: true, balanceFen: 0 });
    expect(to).toMatchObject({ students: 1, balanced: true });
    expect([...from.entries, ...to.entries].map((e) => e.kind).sort()).toEqual(['ENROLMENT', 'TRANSFER_IN', 'TRANSFER_OUT']);
    expect((await refusalOf(as('staff-C', LEDGER, { s: placedAt }))).code).toBe('FORBIDDEN');
    const { enrollmentStats } = await as<{ enrollmentStats: { byDistrict: Record<string, unknown>[] } }>('anonymous', '{ enrollmentStats(year: 2026) { year byDistrict { districtCode applications inDistrict reassigned waitlisted seats } } }');
    expect(enrollmentStats.byDistrict).toEqual(expect.arrayContaining([
      { districtCode: 'CG', applications: 4, inDistrict: 3, reassigned: 1, waitlisted: 0, seats: 3 },
      { districtCode: 'BJ', applications: 1, inDistrict: 1, reassigned: 0, waitlisted: 0, seats: 3 },
    ]));
  });

  it('shows unmasked personal data only through the audited personalData, and applications only to their family and admissions', async () => {
    const [first, second] = families;
    const query = 'query($id: ID!) { application(id: $id) { id status child { name residentId birthDate } guardians { name residentId phone } documents { number } } }';
    expect((await refusalOf(as('anonymous', query, { id: first!.id }))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(as('parent-x', query, { id: first!.id }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as(second!.who, query, { id: first!.id }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as('planning', query, { id: first!.id }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as('planning', '{ applications(first: 50) { totalCount } }'))).code).toBe('FORBIDDEN');
    for (const f of families) await as(f.who, query, { id: f.id });
    await as(first!.who, '{ myApplications { child { name residentId } guardians { residentId phone } documents { number } placement { explanation explanationEn } } }');
    const all = await as<{ applications: { totalCount: number } }>('admissions', '{ applications(first: 50) { totalCount nodes { child { name residentId } guardians { name residentId phone } documents { number } } } }');
    expect(all.applications.totalCount).toBe(5);
    await as('anonymous', '{ placementRound(year: 2026, grade: 1) { publishedInput outcomes { applicationId } } }');

    const personal = `query($id: ID!) { application(id: $id) { personalData(reason: "核对入学材料") { childName childResidentId guardians { residentId phone } } } }`;
    const own = await as<{ application: { personalData: { childResidentId: string } } }>(first!.who, personal, { id: first!.id }, false);
    expect(own.application.personalData.childResidentId).toBe(first!.form.child.residentId);
    expect((await refusalOf(as('planning', personal, { id: first!.id }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(as('admissions', '{ piiAccessLog { totalCount } }'))).code).toBe('FORBIDDEN');
    const log = await as<{ piiAccessLog: { totalCount: number; nodes: { actorId: string; reason: string; applicationId: string; fields: string[] }[] } }>(
      'dpo',
      'query($id: ID) { piiAccessLog(filter: { applicationId: $id }) { totalCount nodes { actorId actorRoles reason applicationId fields } } }',
      { id: first!.id },
    );
    expect(log.piiAccessLog.totalCount).toBe(1);
    expect(log.piiAccessLog.nodes[0]).toMatchObject({ actorId: first!.who, reason: '核对入学材料', applicationId: first!.id });

    expect(seen.length).toBeGreaterThan(40);
    const everything = seen.join('\n');
    expect(everything).toContain(`"residentId":"1101**********${families[0]!.form.child.residentId.slice(-4)}"`);
    for (const f of families) {
      for (const id of [f.form.child.residentId, f.form.guardians[0]!.residentId]) expect(everything).not.toContain(id);
      expect(everything).not.toContain(f.form.child.name);
      expect(everything).not.toContain(f.form.guardians[0]!.phone);
    }
  });
});
