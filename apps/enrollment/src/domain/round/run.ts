// Runs a round: the revealed seed must match the commitment, then the engine places everyone.
import { placeApplications } from '../placement/index.ts';
import type { City, PlacementResult, PlacementRules } from '../placement/index.ts';
import type { StoredApplication } from '../application/index.ts';
import { ok } from '../shared/index.ts';
import type { Decision } from '../shared/index.ts';
import { revealSeed } from './seed.ts';
import type { Round, SeedRefusal } from './seed.ts';
import { toEngineApplication } from './to-engine.ts';
import type { EngineExtras } from './to-engine.ts';

export interface RoundInput {
  readonly city: City;
  readonly rules: PlacementRules;
  /**
   * The applications of the round as they stood when it ran. Not filtered by status here: a
   * re-run after the fact passes the same stored list and must get the same outcomes.
   */
  readonly applications: readonly StoredApplication[];
  readonly extras?: Readonly<Record<string, EngineExtras>>;
}

export function runRound(round: Round, seed: string, on: string, input: RoundInput): Decision<{ round: Round; result: PlacementResult }, SeedRefusal> {
  const revealed = revealSeed(round, seed, on);
  if (!revealed.ok) return revealed;
  const applications = input.applications.map((a) => toEngineApplication(a, input.extras?.[a.id]));
  const result = placeApplications({ city: input.city, rules: input.rules, applications, seed });
  return ok({ round: revealed.value, result });
}
