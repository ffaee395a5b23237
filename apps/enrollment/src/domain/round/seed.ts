// Commit-then-reveal for the lottery seed: the bureau publishes sha256(seed) before the round,
// so nobody (the bureau included) can pick a seed after seeing who would win.
import { fail, ok } from '../shared/index.ts';
import type { Decision } from '../shared/index.ts';
import { sha256Hex } from './sha256.ts';

export interface Round {
  readonly id: string;
  readonly year: number;
  /** sha256 hex of the seed, published before the round. */
  readonly seedHash?: string;
  /** Revealed when the round runs; published with the results. */
  readonly seed?: string;
  readonly ranOn?: string;
}

export type SeedRefusal = 'INVALID_SEED_HASH' | 'SEED_ALREADY_COMMITTED' | 'ROUND_ALREADY_RUN' | 'SEED_NOT_COMMITTED' | 'SEED_MISMATCH' | 'EMPTY_SEED';

const HEX64 = /^[0-9a-f]{64}$/;

/** What to publish before the round: `echo -n "$SEED" | sha256sum`. */
export function seedCommitment(seed: string): string {
  return sha256Hex(seed);
}

export function commitSeed(round: Round, seedHash: string): Decision<Round, SeedRefusal> {
  if (round.seed !== undefined) return fail('ROUND_ALREADY_RUN', `round ${round.id} has already run`);
  // Committing twice would let the bureau swap the seed after publishing the first hash.
  if (round.seedHash !== undefined) return fail('SEED_ALREADY_COMMITTED', `round ${round.id} already committed to ${round.seedHash}`);
  const hash = typeof seedHash === 'string' ? seedHash.toLowerCase() : '';
  if (!HEX64.test(hash)) return fail('INVALID_SEED_HASH', 'a seed commitment is 64 hex digits (sha256)');
  return ok({ ...round, seedHash: hash });
}

/** Checks a revealed seed before the round may run, and records it. */
export function revealSeed(round: Round, seed: string, on: string): Decision<Round, SeedRefusal> {
  if (round.seed !== undefined) return fail('ROUND_ALREADY_RUN', `round ${round.id} already ran on ${round.ranOn ?? 'an earlier day'}`);
  if (round.seedHash === undefined) return fail('SEED_NOT_COMMITTED', `round ${round.id} has no published seed commitment`);
  if (typeof seed !== 'string' || seed === '') return fail('EMPTY_SEED', 'the seed may not be empty');
  const actual = sha256Hex(seed);
  if (actual !== round.seedHash) {
    return fail('SEED_MISMATCH', `sha256 of the seed is ${actual}, the published commitment is ${round.seedHash}`, { expected: round.seedHash, actual });
  }
  return ok({ ...round, seed, ranOn: on });
}
