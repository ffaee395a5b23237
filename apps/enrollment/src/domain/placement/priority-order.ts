import { compareIds } from './city-index.ts';

/** Per-application facts the rounds read, as parallel arrays indexed by application. */
export interface Standing {
  readonly tier: Int32Array;
  /** First 48 bits of the ticket: decides nearly every comparison without touching strings. */
  readonly ticketPrefix: Float64Array;
  readonly ticket: readonly string[];
  readonly id: readonly string[];
}

/**
 * Eligible applications, highest priority first: tier, then lottery ticket (lower first),
 * then id (only if two tickets collide, which HMAC-SHA256 makes practically impossible).
 * Every school and every district ranks applicants by this one order, which is what lets
 * the rounds run as a single pass (see in-district-round.ts).
 */
export function priorityOrder(eligible: readonly number[], standing: Standing): Int32Array {
  const { tier, ticketPrefix, ticket, id } = standing;
  const order = eligible.slice();
  order.sort(
    (a, b) =>
      (tier[a] as number) - (tier[b] as number) ||
      (ticketPrefix[a] as number) - (ticketPrefix[b] as number) ||
      compareIds(ticket[a] as string, ticket[b] as string) ||
      compareIds(id[a] as string, id[b] as string),
  );
  return Int32Array.from(order);
}

export interface LotteryRanks {
  readonly rank: Int32Array;
  readonly poolSize: Int32Array;
}

/**
 * Lottery rank = 1-based position in priority order among the applications of the same
 * pool (home district + grade) and tier. Ranks are only compared inside a pool, which is
 * what a family can check against the published list of its own district and grade.
 */
export function lotteryRanks(order: Int32Array, pool: Int32Array, tier: Int32Array, applicationCount: number): LotteryRanks {
  const tierSlot = new Map<number, number>();
  for (const i of order) if (!tierSlot.has(tier[i] as number)) tierSlot.set(tier[i] as number, tierSlot.size);
  const tierCount = tierSlot.size;
  let poolCount = 0;
  for (const i of order) poolCount = Math.max(poolCount, (pool[i] as number) + 1);
  const seen = new Int32Array(poolCount * tierCount);
  const rank = new Int32Array(applicationCount);
  const key = (i: number) => (pool[i] as number) * tierCount + (tierSlot.get(tier[i] as number) as number);
  for (const i of order) rank[i] = ++seen[key(i)];
  const poolSize = new Int32Array(applicationCount);
  for (const i of order) poolSize[i] = seen[key(i)] as number;
  return { rank, poolSize };
}
