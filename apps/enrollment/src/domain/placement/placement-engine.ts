import { indexCity, PlacementInputError } from './city-index.ts';
import type { CityIndex, ReachableDistrict } from './city-index.ts';
import { DEFAULT_DOCUMENT_REQUIREMENTS, unmetDocumentRequirements } from './documents.ts';
import { placeInDistrict } from './in-district-round.ts';
import type { InDistrictSeats } from './in-district-round.ts';
import { ticketDrawer, ticketPrefix } from './lottery.ts';
import { InDistrict, Ineligible, Reassigned, Waitlisted } from './outcomes.ts';
import { compileTierOf } from './priority.ts';
import { lotteryRanks, priorityOrder } from './priority-order.ts';
import type { LotteryRanks } from './priority-order.ts';
import { reassign } from './reassignment-round.ts';
import type { Reassignments } from './reassignment-round.ts';
import type { Application, City, PlacementInput, PlacementOutcome, PlacementResult, PlacementRules, SeatCount, UnmetRequirement } from './types.ts';

/**
 * The main allocation of a year: documents, then the in-district round, then reassignment.
 * The outcome depends on the inputs and the seed only, never on the order of applications.
 */
export function placeApplications(input: PlacementInput): PlacementResult {
  const batch = runBatch(input.city, input.applications, input.rules, input.seed, 0, undefined, new Set());
  return { seed: input.seed, batches: 1, outcomes: batch.outcomes, remainingSeats: batch.remainingSeats };
}

/**
 * Late applications go into the seats the earlier batches left, by the same rules and with
 * the published seed. Nobody already placed is touched: earlier outcomes are copied as they
 * are, and the late batch starts from `previous.remainingSeats` (the schools' capacities in
 * `city` are not read again). Lottery ranks of a late batch count that batch only.
 */
export function placeLate(previous: PlacementResult, lateApplications: readonly Application[], context: { city: City; rules: PlacementRules }): PlacementResult {
  // Check the (few) late ids against the earlier outcomes rather than hashing every earlier id.
  const lateIds = new Set(lateApplications.map((a) => a.id));
  const earlierIds = new Set(previous.outcomes.filter((o) => lateIds.has(o.applicationId)).map((o) => o.applicationId));
  const batch = runBatch(context.city, lateApplications, context.rules, previous.seed, previous.batches, previous.remainingSeats, earlierIds);
  return {
    seed: previous.seed,
    batches: previous.batches + 1,
    outcomes: [...previous.outcomes, ...batch.outcomes],
    remainingSeats: batch.remainingSeats,
  };
}

function runBatch(
  city: City,
  applications: readonly Application[],
  rules: PlacementRules,
  seed: string,
  batch: number,
  seats: readonly SeatCount[] | undefined,
  earlierIds: ReadonlySet<string>,
): { outcomes: PlacementOutcome[]; remainingSeats: SeatCount[] } {
  assertValidApplications(applications, earlierIds);
  const index = indexCity(city, applications, rules.maxReassignmentKm ?? Number.POSITIVE_INFINITY, seats);
  const requirements = rules.documentRequirements ?? DEFAULT_DOCUMENT_REQUIREMENTS;
  const tierOf = compileTierOf(rules.priority);
  const draw = ticketDrawer(seed);

  const n = applications.length;
  const home = new Int32Array(n);
  const grade = new Int32Array(n);
  const pool = new Int32Array(n);
  const tier = new Int32Array(n);
  const prefix = new Float64Array(n);
  const id: string[] = new Array(n);
  const unmet: (UnmetRequirement[] | undefined)[] = new Array(n).fill(undefined);
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) {
    const application = applications[i] as Application;
    id[i] = application.id;
    home[i] = index.districtIndex.get(application.homeDistrictId) as number;
    grade[i] = index.gradeIndex.get(application.grade) as number;
    pool[i] = (home[i] as number) * index.gradeCount + (grade[i] as number);
    // Every application gets its ticket, eligible or not: tickets also catch repeated ids.
    // Only the leading 48 bits are kept; outcomes draw the full ticket again when read.
    prefix[i] = ticketPrefix(draw(application.id));
    const missing = unmetDocumentRequirements(application, requirements);
    if (missing.length > 0) {
      unmet[i] = missing;
      continue;
    }
    eligible.push(i);
    tier[i] = tierOf(application);
  }
  assertUniqueIds(prefix, id);

  const order = priorityOrder(eligible, { tier, ticketPrefix: prefix, ticketOf: (i) => draw(id[i] as string), id });
  const ranks = lotteryRanks(order, pool, tier, n);
  const inDistrict = placeInDistrict(index, applications, home, grade, order);
  const reassigned = reassign(index, home, grade, order, inDistrict);

  const facts: BatchFacts = { index, batch, seed, home, tier, ranks, inDistrict, reassigned, fullDistrictLists: new Map() };
  const outcomes = applications.map((application, i): PlacementOutcome => {
    const missing = unmet[i];
    if (missing !== undefined) return ineligibleOutcome(application, batch, missing);
    if ((inDistrict.slot[i] as number) >= 0) return inDistrictOutcome(facts, application, i);
    return reassignedOutcome(facts, application, i);
  });
  return { outcomes, remainingSeats: remainingSeats(index) };
}

/** Everything the outcome builders read, by application index. */
interface BatchFacts {
  readonly index: CityIndex;
  readonly batch: number;
  readonly seed: string;
  readonly home: Int32Array;
  readonly tier: Int32Array;
  readonly ranks: LotteryRanks;
  readonly inDistrict: InDistrictSeats;
  readonly reassigned: Reassignments;
  readonly fullDistrictLists: Map<number, readonly string[]>;
}

const NO_SCHOOLS: readonly string[] = Object.freeze([]);

function ineligibleOutcome(application: Application, batch: number, unmetRequirements: UnmetRequirement[]): PlacementOutcome {
  return new Ineligible({ applicationId: application.id, homeDistrictId: application.homeDistrictId, grade: application.grade, batch, unmetRequirements });
}

function inDistrictOutcome(f: BatchFacts, application: Application, i: number): PlacementOutcome {
  const slot = f.inDistrict.slot[i] as number;
  return new InDistrict({
    applicationId: application.id,
    homeDistrictId: application.homeDistrictId,
    grade: application.grade,
    batch: f.batch,
    schoolId: f.index.schoolIds[f.index.slotSchool[slot] as number] as string,
    districtId: application.homeDistrictId,
    choice: f.inDistrict.choice[i] as number,
    rankedByFamily: f.inDistrict.rankedByFamily[i] === 1,
    fullEarlierChoices: f.inDistrict.fullEarlierChoices[i] ?? NO_SCHOOLS,
    tier: f.tier[i] as number,
    seed: f.seed,
    lotteryRank: f.ranks.rank[i] as number,
    lotteryPoolSize: f.ranks.poolSize[i] as number,
  });
}

function reassignedOutcome(f: BatchFacts, application: Application, i: number): PlacementOutcome {
  const home = f.home[i] as number;
  const reach = f.index.reach[home] ?? [];
  const fullNearerCount = f.reassigned.fullNearerCount[i] as number;
  const fullDistricts = fullDistrictsList(f, home, fullNearerCount);
  const slot = f.reassigned.slot[i] as number;
  const common = {
    applicationId: application.id,
    homeDistrictId: application.homeDistrictId,
    grade: application.grade,
    batch: f.batch,
    fullDistricts,
    tier: f.tier[i] as number,
    seed: f.seed,
    lotteryRank: f.ranks.rank[i] as number,
    lotteryPoolSize: f.ranks.poolSize[i] as number,
  };
  if (slot < 0) return new Waitlisted(common);
  const target = reach[fullNearerCount] as ReachableDistrict;
  return new Reassigned({
    ...common,
    schoolId: f.index.schoolIds[f.index.slotSchool[slot] as number] as string,
    districtId: f.index.districtIds[target.district] as string,
    distanceKm: target.km,
  });
}

/**
 * The home district and the first `count` districts of its reach list. Children of one
 * district who stopped at the same place share one frozen list: with a full city that is
 * a handful of arrays instead of one per child.
 */
function fullDistrictsList(f: BatchFacts, home: number, count: number): readonly string[] {
  const key = home * (f.index.districtIds.length + 1) + count;
  let list = f.fullDistrictLists.get(key);
  if (list === undefined) {
    const reach = f.index.reach[home] ?? [];
    list = Object.freeze([f.index.districtIds[home] as string, ...reach.slice(0, count).map((d) => f.index.districtIds[d.district] as string)]);
    f.fullDistrictLists.set(key, list);
  }
  return list;
}

function remainingSeats(index: CityIndex): SeatCount[] {
  return Array.from(index.slotFree, (free, slot) => ({
    schoolId: index.schoolIds[index.slotSchool[slot] as number] as string,
    grade: index.gradeValues[index.slotGrade[slot] as number] as number,
    free,
  }));
}

function assertValidApplications(applications: readonly Application[], earlierIds: ReadonlySet<string>): void {
  for (const a of applications) {
    if (typeof a.id !== 'string' || a.id.length === 0) throw new PlacementInputError('every application needs an id');
    if (earlierIds.has(a.id)) throw new PlacementInputError(`application id ${a.id} was already placed in an earlier batch`);
    if (!Number.isInteger(a.grade)) throw new PlacementInputError(`application ${a.id}: grade must be a whole number`);
    if (!Number.isFinite(a.residenceMonths) || a.residenceMonths < 0) throw new PlacementInputError(`application ${a.id}: residenceMonths must be ≥ 0`);
  }
}

/**
 * A repeated id would give two children one ticket and an ambiguous outcome. Equal ids have
 * equal tickets, so sorting the ticket prefixes (numbers, cheap) finds every candidate pair.
 */
function assertUniqueIds(prefix: Float64Array, id: readonly string[]): void {
  const sorted = Float64Array.from(prefix).sort();
  const shared = new Set<number>();
  for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) shared.add(sorted[k] as number);
  if (shared.size === 0) return;
  const seen = new Set<string>();
  for (let i = 0; i < id.length; i++) {
    if (!shared.has(prefix[i] as number)) continue;
    if (seen.has(id[i] as string)) throw new PlacementInputError(`application id ${id[i]} appears twice`);
    seen.add(id[i] as string);
  }
}
