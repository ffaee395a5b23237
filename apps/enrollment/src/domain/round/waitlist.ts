// After the round: seats that free up (a declined offer, a raised capacity) go to waitlisted
// children in their original priority order, and a late application is placed from what is left,
// both as late batches of the engine with the round's published seed (DOMAIN: placeLate).
import { placeLate } from '../placement/index.ts';
import type { Application, City, PlacementOutcome, PlacementRules, SeatCount } from '../placement/index.ts';
import { fail, ok } from '../shared/index.ts';
import type { Decision } from '../shared/index.ts';
import { explainOutcome } from './explain.ts';
import type { Explanation, NameLookup } from './explain.ts';
import type { Round } from './seed.ts';

/** One school's seats in the grade: its capacity and the children enrolled against it. */
export interface SeatPoolCount {
  readonly schoolId: string;
  readonly grade: number;
  readonly capacity: number;
  readonly enrolled: number;
}

/**
 * Seats free for re-placement: capacity − enrolled − offers held and not yet enrolled (PLACED or
 * ACCEPTED at that school), never below 0 (a capacity lowered under the offers out frees nothing).
 */
export function freeSeats(pools: readonly SeatPoolCount[], heldOffers: ReadonlyMap<string, number>): SeatCount[] {
  return pools.map((p) => ({ schoolId: p.schoolId, grade: p.grade, free: Math.max(0, p.capacity - p.enrolled - (heldOffers.get(p.schoolId) ?? 0)) }));
}

export interface AfterRoundInput {
  readonly city: City;
  readonly rules: PlacementRules;
  /** Batches already run for the year and grade: 1 after the round, more after earlier late batches. */
  readonly batches: number;
  /** Free seats now (see freeSeats); the capacities in `city` are not read. */
  readonly seats: readonly SeatCount[];
  /** Waitlisted children of the round; the engine orders them by tier, then lottery ticket. */
  readonly waitlisted: readonly Application[];
  /** Applications the round never saw. */
  readonly late?: readonly Application[];
}

export interface LateBatch {
  readonly batch: number;
  readonly outcomes: readonly PlacementOutcome[];
}

export interface AfterRoundResult {
  /** Null when nobody was waiting. */
  readonly waitlist: LateBatch | null;
  /** Null when no late application was given. */
  readonly late: LateBatch | null;
  readonly remainingSeats: readonly SeatCount[];
}

/**
 * Waitlisted children first (they applied on time), then late applications from the seats still
 * free, each group one late batch with the published seed. Refused ROUND_NOT_RUN before the round.
 */
export function placeAfterRound(round: Round, input: AfterRoundInput): Decision<AfterRoundResult, 'ROUND_NOT_RUN'> {
  if (round.seed === undefined) return fail('ROUND_NOT_RUN', `round ${round.id} of ${round.year} has not run yet: its applications are placed by the round itself`);
  let previous = { seed: round.seed, batches: Math.max(1, input.batches), outcomes: [] as PlacementOutcome[], remainingSeats: input.seats };
  const context = { city: input.city, rules: input.rules };
  let waitlist: LateBatch | null = null;
  let late: LateBatch | null = null;
  if (input.waitlisted.length > 0) {
    const batch = previous.batches;
    const result = placeLate(previous, input.waitlisted, context);
    waitlist = { batch, outcomes: result.outcomes };
    // Later batches start from what this one left; its outcomes are not re-checked against theirs
    // (the ids differ), so they are not carried over.
    previous = { ...previous, batches: result.batches, remainingSeats: result.remainingSeats };
  }
  if (input.late !== undefined && input.late.length > 0) {
    const batch = previous.batches;
    const result = placeLate(previous, input.late, context);
    late = { batch, outcomes: result.outcomes };
    previous = { ...previous, batches: result.batches, remainingSeats: result.remainingSeats };
  }
  return ok({ waitlist, late, remainingSeats: previous.remainingSeats });
}

/**
 * A parent's explanation of an outcome after the round. A child placed from the waiting list is
 * told so (not "late application"); a child still waiting reads the waiting-list sentence, whose
 * lottery position now counts those still waiting. Late applications read the engine's late-batch
 * sentence.
 */
export function explainAfterRound(outcome: PlacementOutcome, names: NameLookup, source: 'WAITLIST' | 'LATE'): Explanation {
  if (source === 'LATE') return explainOutcome(outcome, names);
  const body = explainOutcome({ ...outcome, batch: 0 } as PlacementOutcome, names);
  if (outcome.status === 'WAITLISTED') return body;
  return { zh: `候补递补（第${outcome.batch}批）：${body.zh}`, en: `From the waiting list (batch ${outcome.batch}): ${body.en}` };
}
