// Demo admissions: the districts and their distances, a finished 2026 round of grade 1 with a few
// hundred migrant children's applications (placed in district, reassigned, waitlisted, ineligible,
// each with its explanation), and an open 2027 round a person can apply to. Written by the
// enrollment service's own use cases, as the admissions office and the families would.
import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Actor } from '@edugraph/auth';
import { residentIdCheckCharacter, todayInShanghai } from '@edugraph/rules';
import { Application } from '../../apps/enrollment/src/entities/application.entity.ts';
import { School } from '../../apps/enrollment/src/entities/school.entity.ts';
import { enrollmentCipher } from '../../apps/enrollment/src/application/personal-data.ts';
import type { EnrollmentContext } from '../../apps/enrollment/src/application/application-change.ts';
import { setDistrict, setDistrictDistance } from '../../apps/enrollment/src/application/districts.ts';
import { submitApplication } from '../../apps/enrollment/src/application/submit-application.command.ts';
import { addDocument, verifyDocument } from '../../apps/enrollment/src/application/document.commands.ts';
import { commitRoundSeed, runPlacementRound } from '../../apps/enrollment/src/application/round.commands.ts';
import { setSeatCapacity } from '../../apps/enrollment/src/application/set-seat-capacity.command.ts';

const person = (id: string, roles: Actor['roles'], office: string | null = null): Actor => ({ id, kind: 'person', roles, institutionId: null, office, creditCode: null });
export const DEMO_ADMISSIONS = person('demo-admissions', ['BUREAU_STAFF'], 'ADMISSIONS');
export const DEMO_PARENT = person('demo-parent', ['PARENT']);
/** The 2026 round's seed, published with its results (its SHA-256 was committed first). */
export const DEMO_SEED_2026 = 'edugraph-demo-2026-grade-1';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高';
const GIVEN = ['子涵', '浩然', '欣怡', '梓轩', '雨桐', '宇航', '思远', '诗琪', '俊杰', '佳怡', '明轩', '一诺'];
/** Home provinces of the families (area codes of their resident IDs): 四川, 河南, 安徽, 湖南, 江西, 贵州. */
const AREAS = ['510104', '410102', '340104', '430102', '360102', '520102'];
const id = (area: string, birth: string, seq: number) => {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
};

/** Loads the admissions demo once (skipped when enrollment has applications). */
export async function loadDemoRound(orm: MikroORM, piiKeys: string, now = new Date()): Promise<{ loaded: boolean; applications: number }> {
  const em = orm.em.fork();
  if ((await em.count(Application, {})) > 0) return { loaded: false, applications: await em.count(Application, {}) };
  const cipher = enrollmentCipher(piiKeys);
  const today = todayInShanghai(now);
  const as = (actor: Actor): EnrollmentContext => ({ em: orm.em.fork(), actor, correlationId: 'demo-admissions', today: '2026-05-10', cipher });
  for (const [code, name, kind] of [['CG', '城关', 'URBAN'], ['BJ', '滨江', 'URBAN'], ['XS', '西山', 'RURAL']] as const) await setDistrict(as(DEMO_ADMISSIONS), { code, name, kind });
  for (const [fromCode, toCode, km] of [['CG', 'BJ', 6], ['CG', 'XS', 18], ['BJ', 'XS', 22]] as const) await setDistrictDistance(as(DEMO_ADMISSIONS), { fromCode, toCode, km });
  const schools = await em.find(School, { level: 'PRIMARY' });
  // 2026: CG and BJ families, and more XS families than XS has seats (XS is beyond reassignment reach).
  const plan = [...Array.from({ length: 60 }, () => 'CG'), ...Array.from({ length: 160 }, () => 'BJ'), ...Array.from({ length: 70 }, () => 'XS')];
  for (const [n, district] of plan.entries()) {
    const birth = `20${n % 3 === 0 ? '20-0' + (1 + (n % 8)) : '19-' + String(9 + (n % 4)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`;
    const area = AREAS[n % AREAS.length]!;
    const renter = n % 3 !== 0;
    const ranked = schools.filter((s) => s.districtCode === district).slice(n % 2, (n % 2) + 1).map((s) => s.institutionId);
    const parent = person(`demo-family-${n}`, ['PARENT']);
    const application = await submitApplication(as(parent), {
      year: 2026,
      grade: 1,
      child: { name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[n % GIVEN.length]}`, residentId: id(area, birth, 100 + n * 2 + 1), birthDate: birth, sex: 'MALE' },
      guardians: [{ name: `${SURNAMES[n % SURNAMES.length]}建国`, residentId: id(area, '1988-04-12', 300 + n * 2 + 1), phone: `139${String(10_000_000 + n * 7919).slice(-8)}`, relation: 'FATHER' }],
      residenceDistrictCode: district,
      housing: renter ? 'RENTER' : 'OWNER',
      residenceSince: n % 4 === 0 ? '2021-03-01' : '2024-09-01',
      rankedSchoolIds: ranked,
    });
    const kinds = renter ? ['RESIDENCE_PERMIT', 'RENTAL_AGREEMENT', 'COMMUNITY_RESIDENCE_PROOF', 'PARENT_WORK_PROOF'] : ['HOUSEHOLD_REGISTER', 'PROPERTY_CERTIFICATE'];
    // Every 23rd family never handed in its work proof: ineligible, with the reason in its explanation.
    const handedIn = n % 23 === 5 ? kinds.slice(0, -1) : kinds;
    let latest = application;
    for (const type of handedIn) latest = await addDocument(as(parent), application.id, { type: type as never, number: `${type.slice(0, 2)}${100_000 + n}`, issuer: '居住地派出所', validUntil: '2030-12-31' });
    for (const d of latest.documents) await verifyDocument(as(DEMO_ADMISSIONS), application.id, d.id, 'VERIFIED', null);
  }
  await commitRoundSeed(as(DEMO_ADMISSIONS), { year: 2026, grade: 1, seedHash: createHash('sha256').update(DEMO_SEED_2026).digest('hex') });
  await runPlacementRound({ ...as(DEMO_ADMISSIONS), today: '2026-06-20' }, { year: 2026, grade: 1, seed: DEMO_SEED_2026 });
  // 2027: seats published and the seed committed; families can apply now.
  for (const s of schools) await setSeatCapacity(as(person('demo-bureau', ['BUREAU_STAFF'], 'BASIC_EDUCATION')), { institutionId: s.institutionId, year: 2027, grade: 1, capacity: s.districtCode === 'XS' ? 45 : 90 });
  await commitRoundSeed(as(DEMO_ADMISSIONS), { year: 2027, grade: 1, seedHash: createHash('sha256').update(`edugraph-demo-2027-grade-1-${today}`).digest('hex') });
  return { loaded: true, applications: plan.length };
}
