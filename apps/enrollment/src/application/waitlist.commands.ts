import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/core';
import { AppError, idInput, parseInput } from '@edugraph/platform';
import { handle } from '../domain/application/index.ts';
import type { StoredApplication } from '../domain/application/index.ts';
import type { City, PlacementOutcome, SeatCount } from '../domain/placement/index.ts';
import { DEFAULT_PLACEMENT_POLICY, toEngineApplication } from '../domain/round/index.ts';
import type { NameLookup, Round } from '../domain/round/index.ts';
import { explainAfterRound, freeSeats, placeAfterRound } from '../domain/round/waitlist.ts';
import type { LateBatch } from '../domain/round/waitlist.ts';
import { Application, PlacementRound } from '../entities/application.entity.ts';
import { gradeCity } from './round.commands.ts';
import { requireAdmissions } from './admissions-access.ts';
import { applicationOf, queueApplicationEvents, refusal, saveApplication } from './application-change.ts';
import type { EnrollmentContext } from './application-change.ts';
import { toApplicationView } from './application.view.ts';
import type { ApplicationView } from './application.view.ts';

// After the round, seats that free up go to waitlisted children in their original priority order,
// and late applications are placed from the seats still free: late batches of the engine with the
// round's published seed (domain/round/waitlist.ts). Seats never go over capacity:
// - free seats = capacity − enrolled − offers held (PLACED or ACCEPTED at the school);
// - every re-placement of a year and grade first claims the round row by a conditional update of
//   its version, so two of them (two consumers, a consumer and an office) never count the same
//   free seat: the second finds the version moved, rolls back and is retried with fresh counts;
// - each application row is saved under its own version (optimistic lock), so a family acting on
//   it at the same moment (withdrawing) makes the re-placement roll back and retry, never overwrite.

const scopeInput = z.object({ year: z.number().int().min(2000).max(2100), grade: z.number().int().min(1).max(9) });
const lateInput = z.object({ applicationId: idInput() });

/** Statuses of an application the round never decided: it applied (or was completed) after the run. */
const UNDECIDED = ['SUBMITTED', 'CORRECTIONS_REQUESTED', 'READY'];
const OFFER_HELD = ['PLACED', 'ACCEPTED'];
const PLACED_KINDS = ['IN_DISTRICT', 'REASSIGNED'];

export interface FreeSeatsView {
  schoolId: string;
  free: number;
}

export interface WaitlistResultView {
  year: number;
  grade: number;
  /** The batch the waiting list ran as; null when nobody was waiting. */
  batch: number | null;
  placed: ApplicationView[];
  stillWaitlisted: ApplicationView[];
  freeSeats: FreeSeatsView[];
}

const roundNotRun = (year: number, grade: number) =>
  new AppError('ROUND_NOT_RUN', `The placement round of ${year} grade ${grade} has not run yet: its applications are placed by the round (runPlacementRound), not one by one.`, { year, grade });

const conflict = (year: number, grade: number) =>
  new AppError('CONFLICT', `Seats of ${year} grade ${grade} were being re-placed by another request at the same moment; nothing was changed, try again.`, { year, grade });

const isConflict = (error: unknown) => (error as Error).name === 'OptimisticLockError' || (error instanceof AppError && error.code === 'CONFLICT');

/** A re-placement that lost a race is retried with fresh counts (it changed nothing). */
async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt < 4 && isConflict(error)) continue;
      throw error;
    }
  }
}

const toRound = (row: PlacementRound): Round => ({ id: row.id, year: row.year, seedHash: row.seedHash, ...(row.seed ? { seed: row.seed, ranOn: row.ranAt?.toISOString().slice(0, 10) ?? '' } : {}) });

/**
 * The round row of a run round, claimed: `version` moves by a conditional update, so concurrent
 * re-placements of the year and grade serialise (PostgreSQL makes the second wait for the first
 * and then find the version moved). Null when the round has not run.
 */
async function claimRound(tx: EntityManager, year: number, grade: number): Promise<PlacementRound | null> {
  const row = await tx.findOne(PlacementRound, { year, grade });
  if (!row?.seed) return null;
  const claimed = await tx.nativeUpdate(PlacementRound, { id: row.id, version: row.version }, { version: row.version + 1 });
  if (claimed === 0) throw conflict(year, grade);
  return row;
}

interface SeatsNow {
  city: City;
  names: NameLookup;
  seats: SeatCount[];
  /** Schools that have a seat pool in the grade (the others offer nothing). */
  pooled: Set<string>;
  batches: number;
}

/** The grade's schools, distances and names, and the seats free now. */
async function seatsNow(tx: EntityManager, round: PlacementRound, year: number, grade: number): Promise<SeatsNow> {
  // Offers before pools: an enrolment (ACCEPTED → ENROLLED and placed + 1 in one commit) landing
  // between the two reads is then counted twice (one seat too few for now), never zero times.
  const decided = await tx.find(Application, { year, grade, placementKind: { $in: PLACED_KINDS } }, { fields: ['status', 'placementSchoolId', 'roundId', 'placementBatch'] });
  const held = new Map<string, number>();
  let batches = 1;
  for (const d of decided) {
    if (OFFER_HELD.includes(d.status) && d.placementSchoolId) held.set(d.placementSchoolId, (held.get(d.placementSchoolId) ?? 0) + 1);
    if (d.roundId === round.id && typeof d.placementBatch === 'number') batches = Math.max(batches, d.placementBatch + 1);
  }
  const { schools, distances, names } = await gradeCity(tx, year, grade);
  const pools = schools.flatMap(({ pool }) => (pool ? [pool] : []));
  return {
    city: { schools: schools.map(({ school }) => ({ id: school.institutionId, districtId: school.districtCode, seatsByGrade: { [grade]: 0 } })), distances },
    names,
    seats: freeSeats(pools.map((p) => ({ schoolId: p.institutionId, grade, capacity: p.capacity, enrolled: p.placed })), held),
    pooled: new Set(pools.map((p) => p.institutionId)),
    batches,
  };
}

type Loaded = { row: Application; application: StoredApplication };
type Ctx = Pick<EnrollmentContext, 'actor' | 'correlationId' | 'today' | 'cipher'>;

/** Stores an outcome the way the round does: state, columns, explanation and the state machine's events. */
function record(tx: EntityManager, ctx: Ctx, round: PlacementRound, loaded: Loaded, outcome: PlacementOutcome, names: NameLookup, source: 'WAITLIST' | 'LATE'): Loaded {
  const said = explainAfterRound(outcome, names, source);
  if (source === 'WAITLIST' && outcome.status === 'WAITLISTED') {
    // Still waiting: no new state and no event, only where the child stands now.
    Object.assign(loaded.row, { explanationZh: said.zh, explanationEn: said.en });
    return loaded;
  }
  const step = handle(loaded.application, { type: 'recordPlacement', outcome });
  if (!step.ok) throw refusal(step.error);
  saveApplication(loaded.row, step.value.application, ctx.cipher);
  Object.assign(loaded.row, {
    placementKind: outcome.status,
    placementSchoolId: 'schoolId' in outcome ? outcome.schoolId : null,
    placementDistrictCode: 'districtId' in outcome ? outcome.districtId : null,
    explanationZh: said.zh,
    explanationEn: said.en,
    roundId: round.id,
  });
  queueApplicationEvents(tx, ctx, loaded.row, step.value.events);
  return { row: loaded.row, application: step.value.application };
}

interface AfterRound {
  waitlist: LateBatch | null;
  waitlisted: Loaded[];
  late: Loaded[];
  remaining: FreeSeatsView[];
}

/**
 * In the caller's transaction: claims the round, counts the free seats, places the waitlisted
 * children (and the late applications given) and stores every outcome. Null when the round has
 * not run. Running it again with nothing freed changes nothing.
 */
async function placeAfterRoundIn(tx: EntityManager, ctx: Ctx, year: number, grade: number, lateRows: Application[] = []): Promise<AfterRound | null> {
  const round = await claimRound(tx, year, grade);
  if (!round) return null;
  const now = await seatsNow(tx, round, year, grade);
  const rows = await tx.find(Application, { year, grade, roundId: round.id, status: 'WAITLISTED' }, { orderBy: { id: 'asc' } });
  const waiting: Loaded[] = rows.map((row) => ({ row, application: applicationOf(row, ctx.cipher) }));
  const late: Loaded[] = lateRows.map((row) => ({ row, application: applicationOf(row, ctx.cipher) }));
  const placed = placeAfterRound(toRound(round), {
    city: now.city,
    rules: DEFAULT_PLACEMENT_POLICY.rules,
    batches: now.batches,
    seats: now.seats,
    waitlisted: waiting.map((w) => toEngineApplication(w.application)),
    late: late.map((l) => toEngineApplication(l.application)),
  });
  if (!placed.ok) throw refusal(placed.error);
  const store = (group: Loaded[], batch: LateBatch | null, source: 'WAITLIST' | 'LATE'): Loaded[] => {
    const byId = new Map(group.map((g) => [g.row.id, g]));
    return (batch?.outcomes ?? []).map((o) => record(tx, ctx, round, byId.get(o.applicationId)!, o, now.names, source));
  };
  const waitlisted = store(waiting, placed.value.waitlist, 'WAITLIST');
  const lateStored = store(late, placed.value.late, 'LATE');
  await tx.flush();
  const remaining = placed.value.remainingSeats.filter((s) => now.pooled.has(s.schoolId)).map((s) => ({ schoolId: s.schoolId, free: s.free }));
  return { waitlist: placed.value.waitlist, waitlisted, late: lateStored, remaining };
}

/**
 * The admissions office re-places the waiting list of a year and grade now: waitlisted children
 * of the round, by tier then lottery ticket, get the seats free now; the rest stay waitlisted with
 * their standing updated. Refused ROUND_NOT_RUN before the round.
 */
export async function placeFromWaitlist(ctx: EnrollmentContext, raw: { year: number; grade: number }): Promise<WaitlistResultView> {
  requireAdmissions(ctx.actor, 'place children from the waiting list');
  const { year, grade } = parseInput(scopeInput, raw);
  return retrying(() =>
    ctx.em.fork().transactional(async (tx) => {
      const done = await placeAfterRoundIn(tx, ctx, year, grade);
      if (!done) throw roundNotRun(year, grade);
      const view = (l: Loaded) => toApplicationView(l.row, l.application);
      return {
        year,
        grade,
        batch: done.waitlist?.batch ?? null,
        placed: done.waitlisted.filter((l) => l.application.status === 'PLACED').map(view),
        stillWaitlisted: done.waitlisted.filter((l) => l.application.status === 'WAITLISTED').map(view),
        freeSeats: done.remaining,
      };
    }),
  );
}

/**
 * A seat freed (declined offer, raised capacity): the same re-placement, in the consumer's
 * transaction. Nothing happens before the round has run (the round will place everyone).
 */
export async function replaceWaitlisted(tx: EntityManager, ctx: Ctx, year: number, grade: number): Promise<void> {
  await placeAfterRoundIn(tx, ctx, year, grade);
}

/**
 * The admissions office places an application the round never saw (handed in, or completed,
 * after it ran) by the same rules as a late batch with the published seed. The waiting list is
 * served first in the same transaction: a child who applied on time keeps precedence over a
 * late one for any seat freed since. An application with documents missing is told INELIGIBLE
 * with every unmet requirement, as in the round.
 */
export async function placeLateApplication(ctx: EnrollmentContext, raw: { applicationId: string }): Promise<ApplicationView> {
  requireAdmissions(ctx.actor, 'place a late application');
  const { applicationId } = parseInput(lateInput, raw);
  return retrying(() =>
    ctx.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(Application, { id: applicationId });
      if (!row) throw new AppError('NOT_FOUND', 'No application has this id.');
      const round = await tx.findOne(PlacementRound, { year: row.year, grade: row.grade });
      if (!round?.seed) throw roundNotRun(row.year, row.grade);
      if (!UNDECIDED.includes(row.status)) {
        const why =
          row.status === 'WAITLISTED'
            ? 'it is on the waiting list of the round, which is re-placed in priority order (placeFromWaitlist)'
            : `only an application the round has not decided (${UNDECIDED.join(', ')}) is placed late`;
        throw new AppError('ALREADY_DECIDED', `Application ${row.id} is ${row.status}: ${why}.`, { status: row.status });
      }
      const done = await placeAfterRoundIn(tx, ctx, row.year, row.grade, [row]);
      const late = done!.late[0]!;
      return toApplicationView(late.row, late.application);
    }),
  );
}
