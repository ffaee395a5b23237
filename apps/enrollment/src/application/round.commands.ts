import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { AppError, parseInput } from '@edugraph/platform';
import { handle } from '../domain/application/index.ts';
import type { City } from '../domain/placement/index.ts';
import { DEFAULT_PLACEMENT_POLICY, commitSeed, explainOutcome, publishedOutcome, roundSummary, runRound, toEngineApplication } from '../domain/round/index.ts';
import type { Round } from '../domain/round/index.ts';
import { levelOfGrade } from '../domain/shared/index.ts';
import { Application, PlacementRound } from '../entities/application.entity.ts';
import { District, DistrictDistance } from '../entities/district.entity.ts';
import { School } from '../entities/school.entity.ts';
import { SeatPool } from '../entities/seat-pool.entity.ts';
import { requireAdmissions } from './admissions-access.ts';
import { queueApplicationEvents, refusal, savePlacement, stateOf } from './application-change.ts';
import type { EnrollmentContext } from './application-change.ts';

/** Applications written per flush of a round. */
const WRITE_CHUNK = 1000;
const roundInput = z.object({ year: z.number().int().min(2000).max(2100), grade: z.number().int().min(1).max(9) });
const toRound = (row: PlacementRound | null, year: number): Round =>
  row ? { id: row.id, year, seedHash: row.seedHash, ...(row.seed ? { seed: row.seed, ranOn: row.ranAt!.toISOString().slice(0, 10) } : {}) } : { id: 'new', year };

/** The seed's SHA-256 is published before the round, so nobody can choose a seed after seeing results. */
export async function commitRoundSeed(ctx: EnrollmentContext, raw: { year: number; grade: number; seedHash: string }): Promise<PlacementRound> {
  requireAdmissions(ctx.actor, 'commit a round seed');
  const { year, grade } = parseInput(roundInput, raw);
  return ctx.em.fork().transactional(async (tx) => {
    const existing = await tx.findOne(PlacementRound, { year, grade });
    const committed = commitSeed(toRound(existing, year), raw.seedHash.trim().toLowerCase());
    if (!committed.ok) throw refusal(committed.error);
    const row = tx.create(PlacementRound, { year, grade, seedHash: committed.value.seedHash!, committedBy: ctx.actor.id });
    await tx.flush();
    return row;
  });
}

export interface GradeCity {
  /** The open schools teaching the grade, each with its seat pool of the year when it has one. */
  schools: { school: School; pool: SeatPool | undefined }[];
  distances: City['distances'];
  names: { schools: Record<string, string>; districts: Record<string, string> };
}

/** What every placement of a year and grade starts from: the schools, their pools, the distances and the names. */
export async function gradeCity(tx: EntityManager, year: number, grade: number): Promise<GradeCity> {
  const [schools, pools, distances, districts] = await Promise.all([
    tx.find(School, { level: levelOfGrade(grade) ?? 'NONE', closedAt: null }),
    tx.find(SeatPool, { year, grade }),
    tx.find(DistrictDistance, {}),
    tx.find(District, {}),
  ]);
  const poolOf = new Map(pools.map((p) => [p.institutionId, p]));
  return {
    schools: schools.map((school) => ({ school, pool: poolOf.get(school.institutionId) })),
    distances: distances.map((d) => ({ fromDistrictId: d.fromCode, toDistrictId: d.toCode, km: Number(d.km) })),
    names: { schools: Object.fromEntries(schools.map((s) => [s.institutionId, s.name])), districts: Object.fromEntries(districts.map((d) => [d.code, d.name])) },
  };
}

/** The round's city: each school's free seats are its capacity less the enrolled. */
async function cityOf(tx: EntityManager, year: number, grade: number): Promise<{ city: City; names: GradeCity['names'] }> {
  const { schools, distances, names } = await gradeCity(tx, year, grade);
  const seats = (pool: SeatPool | undefined) => Math.max(0, pool ? pool.capacity - pool.placed : 0);
  return { city: { schools: schools.map(({ school, pool }) => ({ id: school.institutionId, districtId: school.districtCode, seatsByGrade: { [grade]: seats(pool) } })), distances }, names };
}

/**
 * Runs the round with the committed seed: every application of the year and grade not yet placed
 * is placed, reassigned, waitlisted or told why it is ineligible, with the engine's reasons in
 * Chinese and English, all in one transaction with every event. A second run is ROUND_ALREADY_RUN.
 */
export async function runPlacementRound(ctx: EnrollmentContext, raw: { year: number; grade: number; seed: string }): Promise<PlacementRound> {
  requireAdmissions(ctx.actor, 'run a placement round');
  const { year, grade } = parseInput(roundInput, raw);
  return ctx.em.fork().transactional(async (tx) => {
    const committed = await tx.findOne(PlacementRound, { year, grade });
    if (!committed) throw new AppError('SEED_NOT_COMMITTED', `Commit the seed's hash for ${year} grade ${grade} (commitRoundSeed) before the round.`);
    const round = toRound(committed, year);
    const roundId = committed.id;
    // The round reads no personal value (housing, residence, ranked schools, documents' states):
    // it works on the sealed state as stored, and writes it back sealed without a decryption.
    const read = await tx.find(
      Application,
      { year, grade, status: { $in: ['SUBMITTED', 'CORRECTIONS_REQUESTED', 'READY'] } },
      { orderBy: { id: 'asc' }, fields: ['id', 'state', 'version', 'status', 'placementKind', 'placementSchoolId', 'placementDistrictCode', 'placementBatch'] },
    );
    const seen = new Map(read.map((r) => [r.id, { version: r.version, application: stateOf(r) }]));
    const applications = [...seen.values()].map((s) => s.application);
    tx.clear();
    const { city, names } = await cityOf(tx, year, grade);
    const ran = runRound(round, raw.seed, ctx.today, { city, rules: DEFAULT_PLACEMENT_POLICY.rules, applications });
    if (!ran.ok) throw refusal(ran.error);
    const outcomes = ran.value.result.outcomes;
    // Written a chunk at a time inside the one transaction, so memory and change tracking stay
    // bounded by the chunk, not the city; a row changed since it was read fails the whole round.
    for (let from = 0; from < outcomes.length; from += WRITE_CHUNK) {
      const chunk = outcomes.slice(from, from + WRITE_CHUNK);
      const rows = new Map((await tx.find(Application, { id: { $in: chunk.map((o) => o.applicationId) } })).map((r) => [r.id, r]));
      for (const outcome of chunk) {
        const appRow = rows.get(outcome.applicationId);
        const before = seen.get(outcome.applicationId)!;
        if (!appRow || appRow.version !== before.version) throw new AppError('CONFLICT', 'An application changed while the round ran; nothing was stored: run the round again.');
        const step = handle(before.application, { type: 'recordPlacement', outcome });
        if (!step.ok) throw refusal(step.error);
        const said = explainOutcome(outcome, names);
        // Status and placement are columns: the sealed state is not rewritten (nor decrypted).
        savePlacement(appRow, step.value.application);
        Object.assign(appRow, { explanationZh: said.zh, explanationEn: said.en, roundId });
        queueApplicationEvents(tx, ctx, appRow, step.value.events);
      }
      await tx.flush();
      tx.clear();
    }
    const summary = roundSummary(outcomes);
    const row = await tx.findOneOrFail(PlacementRound, { id: roundId });
    Object.assign(row, {
      publishedInput: { city, rules: DEFAULT_PLACEMENT_POLICY.rules, applications: applications.map((a) => toEngineApplication(a)) },
      publishedOutcomes: outcomes.map((o) => ({ ...publishedOutcome(o) })),
      seed: raw.seed,
      ranAt: new Date(),
      ranBy: ctx.actor.id,
      placedCount: summary.placedCount,
      reassignedCount: summary.reassignedCount,
      waitlistedCount: summary.waitlistedCount,
      ineligibleCount: summary.ineligibleCount,
    });
    emitEvent(tx, {
      type: 'enrollment.round.ran',
      aggregateType: 'PlacementRound',
      aggregateId: row.id,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      payload: { roundId: row.id, year, grade, seed: raw.seed, seedHash: row.seedHash, placedCount: summary.placedCount, reassignedCount: summary.reassignedCount, waitlistedCount: summary.waitlistedCount, ineligibleCount: summary.ineligibleCount },
    });
    await tx.flush();
    return row;
  });
}
