// Re-runs a published placement round from its public data and checks every outcome:
//   npm run verify-round -- --year 2026 --grade 1 [--gateway http://127.0.0.1:4000/graphql]
// It needs nothing but the gateway's public API: the seed (published once the round ran, its
// SHA-256 committed before), the engine's input without personal data, and the outcomes.
// Prints one JSON line; exits 1 when anything differs.
import { createHash } from 'node:crypto';
import { placeApplications } from '../../apps/enrollment/src/domain/placement/index.ts';
import { publishedOutcome } from '../../apps/enrollment/src/domain/round/index.ts';
import type { PlacementInput } from '../../apps/enrollment/src/domain/placement/index.ts';

export interface PublishedRound {
  seed: string | null;
  seedHash: string;
  publishedInput: string | null;
  outcomes: { applicationId: string; kind: string; schoolId: string | null; tier: number | null; lotteryTicket: string | null; lotteryRank: number | null }[];
}

export interface Verification {
  seedMatchesHash: boolean;
  applications: number;
  matched: number;
  mismatches: { applicationId: string; published: unknown; recomputed: unknown }[];
}

/** Recomputes every outcome from the published input and seed and compares it with the published one. */
export function verifyRound(round: PublishedRound): Verification {
  if (!round.seed || !round.publishedInput) throw new Error('the round has not run yet: no seed or input is published');
  const seedMatchesHash = createHash('sha256').update(round.seed).digest('hex') === round.seedHash;
  const input = JSON.parse(round.publishedInput) as Omit<PlacementInput, 'seed'>;
  const recomputed = new Map(placeApplications({ ...input, seed: round.seed }).outcomes.map((o) => [o.applicationId, o]));
  const mismatches: Verification['mismatches'] = [];
  for (const published of round.outcomes) {
    const o = recomputed.get(published.applicationId);
    const again = o && publishedOutcome(o);
    const same = again && (Object.keys(published) as (keyof typeof published)[]).every((k) => again[k] === published[k]);
    if (!same) mismatches.push({ applicationId: published.applicationId, published, recomputed: again ?? null });
  }
  if (recomputed.size !== round.outcomes.length) mismatches.push({ applicationId: '*', published: round.outcomes.length, recomputed: recomputed.size });
  return { seedMatchesHash, applications: round.outcomes.length, matched: round.outcomes.length - mismatches.length, mismatches };
}

const QUERY = `query($year: Int!, $grade: Int!) { placementRound(year: $year, grade: $grade) {
  seed seedHash publishedInput outcomes { applicationId kind schoolId tier lotteryTicket lotteryRank } } }`;

async function main(): Promise<void> {
  const arg = (name: string, fallback?: string) => {
    const at = process.argv.indexOf(`--${name}`);
    const value = at === -1 ? fallback : process.argv[at + 1];
    if (value === undefined) throw new Error(`usage: npm run verify-round -- --year <year> --grade <grade> [--gateway <url>]`);
    return value;
  };
  const gateway = arg('gateway', 'http://127.0.0.1:4000/graphql');
  const variables = { year: Number(arg('year')), grade: Number(arg('grade')) };
  const response = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables }) });
  const body = (await response.json()) as { data?: { placementRound: PublishedRound | null }; errors?: { message: string }[] };
  if (!body.data?.placementRound) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `no round for ${variables.year} grade ${variables.grade}`);
  const result = verifyRound(body.data.placementRound);
  console.log(JSON.stringify({ ...variables, ...result, mismatches: result.mismatches.slice(0, 10) }));
  process.exit(result.seedMatchesHash && result.mismatches.length === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`verify-round: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
