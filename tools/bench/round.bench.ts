// Benchmark of a whole placement round through the enrollment service on real PostgreSQL:
//   npm run bench:round -- --applications 50000 [--load direct|usecases] [--concurrency 16]
// Starts the service on a fresh database of its own (dropped at the end), sets up 12 districts with
// their distances and 5 primary schools each (registered by licensing events, seats by the
// setSeatCapacity use case), loads N applications, then runs the round through the use case
// runPlacementRound (not GraphQL): load, unseal, engine, every placement recorded with its events,
// published input and outcomes, in one transaction. Seats are sized so the round has in-district,
// reassigned, waitlisted and ineligible outcomes.
//
// Loading paths (`loadPath` in the output says which one ran):
//   usecases  every application through the service's own use cases (submitApplication, addDocument,
//             verifyDocument), `--concurrency` at once: what families and staff would do, outbox
//             events included. Slow for 50k (several transactions per application).
//   direct    the same rows built in process as those use cases build them (the domain's
//             submitApplication and handle(addDocument / verifyDocument), the same seal and blind
//             index of the service's keyring), inserted with em.insertMany in batches; no outbox
//             events for the load. The default above 5,000 applications.
// Prints one JSON line on stdout, progress on stderr: `placed` is in-district placements, so
// placed + reassigned + waitlisted + ineligible = applications (checked against the stored rows).
// Peak RSS is the larger of a 100 ms sampler of process.memoryUsage().rss and VmHWM.
// Not a test: timings depend on the machine.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Actor } from '@edugraph/auth';
import { newId } from '@edugraph/persistence';
import { residentIdCheckCharacter } from '@edugraph/rules';
import { TEST_PII_KEYS, eventually, publishInstitutionRegistered, startTestService } from '@edugraph/testing';
import { enrollmentService } from '../../apps/enrollment/src/service.ts';
import { Application, PlacementRound } from '../../apps/enrollment/src/entities/application.entity.ts';
import { School } from '../../apps/enrollment/src/entities/school.entity.ts';
import { CHILD_ID_INDEX, enrollmentCipher, seal } from '../../apps/enrollment/src/application/personal-data.ts';
import type { EnrollmentContext } from '../../apps/enrollment/src/application/application-change.ts';
import { setDistrict, setDistrictDistance } from '../../apps/enrollment/src/application/districts.ts';
import { submitApplication } from '../../apps/enrollment/src/application/submit-application.command.ts';
import type { SubmitApplication } from '../../apps/enrollment/src/application/submit-application.command.ts';
import { addDocument, verifyDocument } from '../../apps/enrollment/src/application/document.commands.ts';
import { commitRoundSeed, runPlacementRound } from '../../apps/enrollment/src/application/round.commands.ts';
import { setSeatCapacity } from '../../apps/enrollment/src/application/set-seat-capacity.command.ts';
import { handle, submitApplication as openApplication } from '../../apps/enrollment/src/domain/application/index.ts';
import type { ApplicationForm, StoredApplication } from '../../apps/enrollment/src/domain/application/index.ts';
import type { DocumentKind } from '../../apps/enrollment/src/domain/placement/index.ts';
import { mulberry32 } from '../../apps/enrollment/src/domain/placement/spec-support/seeded-random.ts';

const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const YEAR = 2026;
const GRADE = 1;
const SUBMITTED_ON = '2026-05-10';
const ROUND_ON = '2026-06-20';
const SEED = 'round-bench-2026-grade-1';
const DISTRICTS = 12;
const SCHOOLS_PER_DISTRICT = 5;
const INSERT_BATCH = 1_000;

function argument(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (argv[at + 1] ?? '');
}
function positive(name: string, fallback: number): number {
  const value = argument(name, String(fallback));
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number, got ${value}`);
  return n;
}
const applications = positive('applications', 50_000);
const concurrency = positive('concurrency', 16);
const loadPath = argument('load', applications > 5_000 ? 'direct' : 'usecases');
if (loadPath !== 'direct' && loadPath !== 'usecases') throw new Error(`--load is direct or usecases, got ${loadPath}`);

const log = (message: string) => process.stderr.write(`[round.bench] ${message}\n`);
const seconds = (fromMs: number) => Number(((performance.now() - fromMs) / 1000).toFixed(2));

// Peak RSS: sampled every 100 ms, and the kernel's high-water mark (catches spikes between samples).
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
sampler.unref();
function vmHwmBytes(): number {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

// ---- The city: districts 0–10 on a line 8 km apart (neighbours within the 15 km reassignment
// reach, the next but one not), district 11 40 km from everything (beyond reach). Odd districts have
// seats for 75% of their eligible children, even ones 125% (room for the neighbours' overflow), the
// remote one 60%: in-district, reassigned and waitlisted outcomes; every 25th family lacks a document.
const districtCodes = Array.from({ length: DISTRICTS }, (_, d) => `BD${String(d).padStart(2, '0')}`);
const REMOTE = DISTRICTS - 1;
const km = (a: number, b: number) => (a === REMOTE || b === REMOTE ? 40 + Math.abs(a - b) : Math.abs(a - b) * 8);
const seatFactor = (d: number) => (d === REMOTE ? 0.6 : d % 2 === 1 ? 0.75 : 1.25);

const AREAS = ['510104', '410102', '340104', '430102', '360102', '520102'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高';
const GIVEN = ['子涵', '浩然', '欣怡', '梓轩', '雨桐', '宇航', '思远', '诗琪', '俊杰', '佳怡', '明轩', '一诺'];
const BIRTH_DAYS = 366; // 2019-09-01 … 2020-08-31: six to seven full years on 31 August 2026
const birthDay = (n: number) => new Date(Date.UTC(2019, 8, 1 + n)).toISOString().slice(0, 10);
const residentId = (area: string, birth: string, seq: number) => {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
};

interface Family {
  district: number;
  housing: 'OWNER' | 'RENTER';
  complete: boolean;
  rankedSchoolIds: string[];
}

/** Each family's district, housing and documents, drawn once so the seats can follow demand. */
function families(n: number): Family[] {
  const random = mulberry32(20260510);
  const weights = districtCodes.map(() => 0.6 + random() * 0.8);
  const total = weights.reduce((s, w) => s + w, 0);
  return Array.from({ length: n }, (_, i) => {
    let r = random() * total;
    let district = 0;
    while (district < DISTRICTS - 1 && (r -= weights[district]!) >= 0) district++;
    return { district, housing: random() < 0.4 ? 'OWNER' : 'RENTER', complete: i % 25 !== 7, rankedSchoolIds: [] };
  });
}

function formOf(i: number, family: Family): SubmitApplication {
  const area = AREAS[i % AREAS.length]!;
  const birth = birthDay(Math.floor(i / AREAS.length) % BIRTH_DAYS);
  const seq = Math.floor(i / (AREAS.length * BIRTH_DAYS)) % 1000; // unique child per (area, day, seq)
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
  return {
    year: YEAR,
    grade: GRADE,
    child: { name, residentId: residentId(area, birth, seq), birthDate: birth, sex: seq % 2 === 1 ? 'MALE' : 'FEMALE' },
    guardians: [{ name: `${SURNAMES[i % SURNAMES.length]}建国`, residentId: residentId(area, '1988-04-12', 1 + 2 * (i % 499)), phone: `139${String(i).padStart(8, '0')}`, relation: 'FATHER' }],
    residenceDistrictCode: districtCodes[family.district]!,
    housing: family.housing,
    residenceSince: i % 3 === 0 ? '2021-03-01' : i % 3 === 1 ? '2024-09-01' : '2026-01-01',
    rankedSchoolIds: family.rankedSchoolIds,
  };
}

function documentKinds(family: Family): DocumentKind[] {
  const kinds: DocumentKind[] = family.housing === 'OWNER' ? ['HOUSEHOLD_REGISTER', 'PROPERTY_CERTIFICATE'] : ['RESIDENCE_PERMIT', 'RENTAL_AGREEMENT', 'COMMUNITY_RESIDENCE_PROOF', 'PARENT_WORK_PROOF'];
  return family.complete ? kinds : kinds.slice(0, -1);
}
const documentInput = (i: number, kind: DocumentKind) => ({ type: kind, number: `${kind.slice(0, 2)}${100_000 + i}`, issuer: '居住地派出所', validUntil: '2030-12-31' });

const person = (id: string, roles: Actor['roles'], office: string | null = null): Actor => ({ id, kind: 'person', roles, institutionId: null, office, creditCode: null });
const ADMISSIONS = person('bench-admissions', ['BUREAU_STAFF'], 'ADMISSIONS');
const BUREAU = person('bench-bureau', ['BUREAU_STAFF'], 'BASIC_EDUCATION');

const cipher = enrollmentCipher(TEST_PII_KEYS);
const result: Record<string, unknown> = { applications, schools: DISTRICTS * SCHOOLS_PER_DISTRICT, districts: DISTRICTS };
const startedAll = performance.now();
log(`starting the enrollment service on a fresh PostgreSQL database (${applications} applications, load ${loadPath})`);
const t = await startTestService(enrollmentService, { database: { label: 'PostgreSQL', adminUrl } });
const orm = t.service.orm;
const as = (actor: Actor, today = SUBMITTED_ON): EnrollmentContext => ({ em: orm.em.fork(), actor, correlationId: randomUUID(), today, cipher });

try {
  // ---- Districts, schools, seats.
  for (const [d, code] of districtCodes.entries()) await setDistrict(as(ADMISSIONS), { code, name: `学区${d}`, kind: d === REMOTE ? 'RURAL' : 'URBAN' });
  for (let a = 0; a < DISTRICTS; a++) for (let b = a + 1; b < DISTRICTS; b++) await setDistrictDistance(as(ADMISSIONS), { fromCode: districtCodes[a]!, toCode: districtCodes[b]!, km: km(a, b) });
  const schoolIds = districtCodes.map(() => Array.from({ length: SCHOOLS_PER_DISTRICT }, () => randomUUID()));
  for (const [d, ids] of schoolIds.entries()) {
    for (const [s, institutionId] of ids.entries()) {
      await publishInstitutionRegistered(t.transport, { institutionId, name: `第${d}学区第${s + 1}小学`, level: 'PRIMARY', districtCode: districtCodes[d]! });
    }
  }
  const schoolCount = DISTRICTS * SCHOOLS_PER_DISTRICT;
  await eventually(async () => {
    const n = await orm.em.fork().count(School, {});
    if (n < schoolCount) throw new Error(`${n} of ${schoolCount} schools registered`);
  }, 30_000);

  const plan = families(applications);
  const random = mulberry32(7);
  for (const family of plan) {
    const own = schoolIds[family.district]!;
    family.rankedSchoolIds = [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => own[Math.floor(random() * own.length)]!))];
  }
  const eligible = districtCodes.map((_, d) => plan.filter((f) => f.district === d && f.complete).length);
  for (const [d, ids] of schoolIds.entries()) {
    const capacity = Math.min(5_000, Math.round((eligible[d]! * seatFactor(d)) / ids.length));
    for (const institutionId of ids) await setSeatCapacity(as(BUREAU), { institutionId, year: YEAR, grade: GRADE, capacity });
  }
  log(`city ready: ${DISTRICTS} districts, ${schoolCount} schools`);

  // ---- Applications.
  const loadStart = performance.now();
  let loaded = 0;
  const progress = () => {
    loaded++;
    if (loaded % 5_000 === 0) log(`loaded ${loaded}/${applications} (${seconds(loadStart)} s)`);
  };
  if (loadPath === 'usecases') {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < applications; i = next++) {
          const family = plan[i]!;
          const parent = person(`bench-family-${i}`, ['PARENT']);
          const submitted = await submitApplication(as(parent), formOf(i, family));
          let latest = submitted;
          for (const kind of documentKinds(family)) latest = await addDocument(as(parent), submitted.id, documentInput(i, kind));
          for (const document of latest.documents) await verifyDocument(as(ADMISSIONS), submitted.id, document.id, 'VERIFIED', null);
          progress();
        }
      }),
    );
  } else {
    const em = orm.em.fork();
    for (let from = 0; from < applications; from += INSERT_BATCH) {
      const rows = [];
      for (let i = from; i < Math.min(applications, from + INSERT_BATCH); i++) {
        const family = plan[i]!;
        const form = formOf(i, family) as ApplicationForm;
        rows.push(directRow(i, family, form));
        progress();
      }
      await em.insertMany(Application, rows);
    }
  }
  result['loadSeconds'] = seconds(loadStart);
  result['loadPath'] =
    loadPath === 'usecases'
      ? `usecases: submitApplication + addDocument + verifyDocument per application, ${concurrency} at once`
      : 'direct: rows built by the domain (submitApplication, handle addDocument/verifyDocument) sealed with the service keyring and blind index, em.insertMany in batches of 1000; no outbox events for the load';
  log(`loaded ${applications} applications in ${result['loadSeconds']} s`);

  // ---- The round: seed committed first, then the use case.
  await commitRoundSeed(as(ADMISSIONS), { year: YEAR, grade: GRADE, seedHash: createHash('sha256').update(SEED).digest('hex') });
  result['rssBeforeRoundMb'] = mb(process.memoryUsage().rss);
  const roundStart = performance.now();
  const round = await runPlacementRound(as(ADMISSIONS, ROUND_ON), { year: YEAR, grade: GRADE, seed: SEED });
  result['roundSeconds'] = seconds(roundStart);
  log(`round ran in ${result['roundSeconds']} s`);

  // ---- What was stored.
  const counts = new Map<string, number>();
  const stored = await orm.em.fork().getConnection().execute<{ kind: string | null; n: string }[]>(
    `select placement_kind as kind, count(*) as n from application where year = ? and grade = ? group by placement_kind`,
    [YEAR, GRADE],
  );
  for (const { kind, n } of stored) counts.set(kind ?? 'NONE', Number(n));
  const stats = { placed: counts.get('IN_DISTRICT') ?? 0, reassigned: counts.get('REASSIGNED') ?? 0, waitlisted: counts.get('WAITLISTED') ?? 0, ineligible: counts.get('INELIGIBLE') ?? 0 };
  Object.assign(result, stats);
  const sum = stats.placed + stats.reassigned + stats.waitlisted + stats.ineligible;
  const roundRow = await orm.em.fork().findOneOrFail(PlacementRound, { id: round.id });
  // The round's placedCount counts in-district and reassigned children alike.
  const summary = [roundRow.placedCount, roundRow.reassignedCount, roundRow.waitlistedCount, roundRow.ineligibleCount];
  if (sum !== applications || (counts.get('NONE') ?? 0) > 0) throw new Error(`stored placements add up to ${sum} (unplaced ${counts.get('NONE') ?? 0}), not ${applications}`);
  if (summary.join() !== [stats.placed + stats.reassigned, stats.reassigned, stats.waitlisted, stats.ineligible].join()) throw new Error(`the round's counts ${summary.join()} differ from the stored placements`);
} catch (error) {
  result['error'] = String(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  const dropStart = performance.now();
  await t.stop();
  log(`service stopped and database dropped in ${seconds(dropStart)} s`);
}
result['totalSeconds'] = seconds(startedAll);
result['peakRssMb'] = mb(Math.max(peakRss, vmHwmBytes()));
clearInterval(sampler);
console.log(JSON.stringify(result));
if (result['error']) process.exitCode = 1;

/** The row submitApplication, addDocument and verifyDocument would leave: READY (or SUBMITTED when a document is missing). */
function directRow(i: number, family: Family, form: ApplicationForm) {
  const opened = openApplication(newId(), form, { today: SUBMITTED_ON, districtCodes });
  if (!opened.ok) throw new Error(`application ${i}: ${JSON.stringify(opened.error)}`);
  let application: StoredApplication = opened.value.application;
  for (const kind of documentKinds(family)) {
    const d = documentInput(i, kind);
    application = step(application, { type: 'addDocument', today: SUBMITTED_ON, document: { id: newId(), kind, number: d.number, issuer: d.issuer, validUntil: d.validUntil } });
  }
  for (const document of application.documents) application = step(application, { type: 'verifyDocument', documentId: document.id, today: SUBMITTED_ON });
  const now = new Date();
  return {
    id: application.id,
    createdAt: now,
    updatedAt: now,
    version: 1 + application.documents.length * 2,
    year: form.year,
    grade: form.grade,
    status: application.status,
    guardianId: `bench-family-${i}`,
    childIndex: cipher.blindIndex(form.child.residentId, CHILD_ID_INDEX),
    residenceDistrictCode: form.residenceDistrictCode,
    state: seal(application, cipher),
  };
}

function step(application: StoredApplication, command: Parameters<typeof handle>[1]): StoredApplication {
  const next = handle(application, command);
  if (!next.ok) throw new Error(`${command.type}: ${next.error.message}`);
  return next.value.application;
}
