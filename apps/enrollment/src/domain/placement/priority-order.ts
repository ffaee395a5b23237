import { compareIds } from './city-index.ts';

/** Per-application facts the rounds read, as parallel arrays indexed by application. */
export interface Standing {
  readonly tier: Int32Array;
  /** First 48 bits of the ticket: decides nearly every comparison without touching strings. */
  readonly ticketPrefix: Float64Array;
  /** The full ticket, drawn again on demand: only needed when 48-bit prefixes tie. */
  readonly ticketOf: (i: number) => string;
  readonly id: readonly string[];
}

/**
 * Eligible applications, highest priority first: tier, then lottery ticket (lower first),
 * then id (only if two tickets collide, which HMAC-SHA256 makes practically impossible).
 * Every school and every district ranks applicants by this one order, which is what lets
 * the rounds run as a single pass (see in-district-round.ts).
 *
 * Speed: (tier, leading ticket bits, position) are packed into one integer below 2^53 and
 * sorted as a Float64Array (native numeric sort, no comparator calls); runs that tie on the
 * packed bits are then put right with the full comparison.
 */
export function priorityOrder(eligible: readonly number[], standing: Standing): Int32Array {
  const n = eligible.length;
  const tierValues = [...new Set(eligible.map((i) => standing.tier[i] as number))].sort((a, b) => a - b);
  const tierRank = new Map(tierValues.map((t, r) => [t, r]));
  const positionBits = bitsFor(n);
  const ticketBits = Math.min(48, 53 - positionBits - bitsFor(tierValues.length));
  if (ticketBits < 16) return comparatorSort(eligible, standing);
  const positionScale = 2 ** positionBits;
  const ticketScale = 2 ** ticketBits;
  const dropBits = 2 ** (48 - ticketBits);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = eligible[k] as number;
    const leading = Math.floor((standing.ticketPrefix[i] as number) / dropBits);
    keys[k] = ((tierRank.get(standing.tier[i] as number) as number) * ticketScale + leading) * positionScale + k;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = eligible[(keys[k] as number) % positionScale] as number;
  // Equal packed bits (same tier, same leading ticket bits) need the full tickets to decide.
  let runStart = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && Math.floor((keys[k] as number) / positionScale) === Math.floor((keys[runStart] as number) / positionScale)) continue;
    if (k - runStart > 1) order.set(comparatorSort(Array.from(order.subarray(runStart, k)), standing), runStart);
    runStart = k;
  }
  return order;
}

function comparatorSort(indices: readonly number[], { tier, ticketPrefix, ticketOf, id }: Standing): Int32Array {
  return Int32Array.from(
    indices
      .slice()
      .sort(
        (a, b) =>
          (tier[a] as number) - (tier[b] as number) ||
          (ticketPrefix[a] as number) - (ticketPrefix[b] as number) ||
          compareIds(ticketOf(a), ticketOf(b)) ||
          compareIds(id[a] as string, id[b] as string),
      ),
  );
}

function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(count + 1)));
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
  // `order` is sorted by tier first, so a dense tier number is a counter bumped at each change.
  const tierIndex = new Int32Array(applicationCount);
  let tierCount = 0;
  let poolCount = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (k === 0 || tier[i] !== tier[order[k - 1] as number]) tierCount++;
    tierIndex[i] = tierCount - 1;
    poolCount = Math.max(poolCount, (pool[i] as number) + 1);
  }
  const seen = new Int32Array(poolCount * tierCount);
  const rank = new Int32Array(applicationCount);
  for (const i of order) {
    const key = (pool[i] as number) * tierCount + (tierIndex[i] as number);
    rank[i] = seen[key] = (seen[key] as number) + 1;
  }
  const poolSize = new Int32Array(applicationCount);
  for (const i of order) poolSize[i] = seen[(pool[i] as number) * tierCount + (tierIndex[i] as number)] as number;
  return { rank, poolSize };
}
