// Benchmark of the placement engine on a reproducible synthetic city.
//   npm run bench:placement -- --applicants 100000
// Prints one JSON line; `ms` is engine time only (generation excluded), `rssMb` is taken after
// the run. Not a test: timings depend on the machine.
import { placeApplications } from '../../apps/enrollment/src/domain/placement/index.ts';
import { mulberry32 } from '../../apps/enrollment/src/domain/placement/spec-support/seeded-random.ts';
import type { Application, DistrictDistance, PlacementInput, School, SubmittedDocument } from '../../apps/enrollment/src/domain/placement/index.ts';

const DISTRICTS = 30;
const SCHOOLS = 400;
const GRADES = 6;
/** Seats for 95% of the applicants, spread unevenly so some districts overflow into others. */
const SEATS_PER_APPLICANT = 0.95;

function applicantsArgument(argv: readonly string[]): number {
  const at = argv.indexOf('--applicants');
  const value = at === -1 ? '100000' : argv[at + 1];
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--applicants needs a positive whole number, got ${value}`);
  return n;
}

function syntheticCity(applicants: number): PlacementInput {
  const random = mulberry32(20240901);
  const pick = (n: number) => Math.floor(random() * n);
  const districtIds = Array.from({ length: DISTRICTS }, (_, d) => `D${String(d).padStart(2, '0')}`);
  const position = districtIds.map(() => [random() * 60, random() * 60] as const);
  const distances: DistrictDistance[] = [];
  for (let a = 0; a < DISTRICTS; a++) {
    for (let b = a + 1; b < DISTRICTS; b++) {
      const [ax, ay] = position[a] as readonly [number, number];
      const [bx, by] = position[b] as readonly [number, number];
      distances.push({ fromDistrictId: districtIds[a] as string, toDistrictId: districtIds[b] as string, km: Math.round(Math.hypot(ax - bx, ay - by) * 10) / 10 });
    }
  }

  // Demand is skewed (some districts attract many more families); seats follow it only roughly.
  const demandWeight = districtIds.map(() => 0.2 + random() ** 2 * 3);
  const seatWeight = demandWeight.map((w) => w * (0.6 + random() * 0.8));
  const schoolDistrict = Array.from({ length: SCHOOLS }, (_, s) => (s < DISTRICTS ? s : weightedPick(seatWeight, random)));
  const schoolWeight = schoolDistrict.map((d) => ((seatWeight[d] as number) / countOf(schoolDistrict, d)) * (0.5 + random()));
  const totalWeight = schoolWeight.reduce((sum, w) => sum + w, 0);
  const seatsPerGrade = (applicants * SEATS_PER_APPLICANT) / GRADES;
  const schools: School[] = schoolDistrict.map((d, s) => {
    const seatsByGrade: Record<number, number> = {};
    for (let g = 1; g <= GRADES; g++) seatsByGrade[g] = Math.round((seatsPerGrade * (schoolWeight[s] as number)) / totalWeight);
    return { id: `S${String(s).padStart(3, '0')}`, districtId: districtIds[d] as string, seatsByGrade };
  });
  const schoolsOf = districtIds.map((id) => schools.filter((s) => s.districtId === id).map((s) => s.id));

  const applications: Application[] = new Array(applicants);
  for (let i = 0; i < applicants; i++) {
    const d = weightedPick(demandWeight, random);
    const tenure = random() < 0.35 ? 'OWNER' : 'RENTER';
    const own = schoolsOf[d] as string[];
    const rankedSchoolIds = Array.from({ length: pick(4) }, () => own[pick(own.length)] as string);
    applications[i] = {
      id: `A${String(i).padStart(8, '0')}`,
      homeDistrictId: districtIds[d] as string,
      grade: 1 + pick(GRADES),
      tenure,
      residenceMonths: pick(121),
      documents: documentsFor(tenure, random),
      rankedSchoolIds,
    };
  }
  return {
    city: { schools, distances },
    applications,
    rules: { priority: [{ kind: 'tenure', order: ['OWNER', 'RENTER'] }, { kind: 'residenceMonths', atLeastMonths: [36, 12] }] },
    seed: 'bench-2024',
  };
}

function documentsFor(tenure: 'OWNER' | 'RENTER', random: () => number): SubmittedDocument[] {
  const kinds: SubmittedDocument['kind'][] =
    tenure === 'OWNER' ? ['RESIDENCE_PERMIT', 'PROPERTY_CERTIFICATE'] : ['RESIDENCE_PERMIT', 'RENTAL_AGREEMENT', 'COMMUNITY_RESIDENCE_PROOF', 'PARENT_WORK_PROOF'];
  // About 5% of applications have one document still pending or rejected.
  const flawed = random() < 0.05 ? Math.floor(random() * kinds.length) : -1;
  return kinds.map((kind, k) => (k !== flawed ? { kind, status: 'VERIFIED' } : random() < 0.5 ? { kind, status: 'PENDING' } : { kind, status: 'REJECTED', rejectionReason: 'expired' }));
}

function weightedPick(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function countOf(values: readonly number[], value: number): number {
  return values.filter((v) => v === value).length;
}

const applicants = applicantsArgument(process.argv.slice(2));
const input = syntheticCity(applicants);
const started = performance.now();
const result = placeApplications(input);
const ms = performance.now() - started;
if (result.outcomes.length !== applicants) throw new Error('engine lost applications');
const rssMb = process.memoryUsage().rss / 2 ** 20;
console.log(JSON.stringify({ applicants, schools: SCHOOLS, districts: DISTRICTS, ms: Math.round(ms), rssMb: Math.round(rssMb) }));
