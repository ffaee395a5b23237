// Money is an integer number of fen (分). Floating-point yuan would lose cents when subsidies for a
// million children are summed; every operation here stays within safe integers or throws.

declare const fenBrand: unique symbol;
export type Fen = number & { readonly [fenBrand]: true };

export class MoneyError extends RangeError {
  readonly code: 'NOT_EXACT_CENTS' | 'NOT_SAFE_INTEGER' | 'INVALID_ARGUMENT';
  constructor(code: MoneyError['code'], message: string) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
  }
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

// Arithmetic is done in BigInt and checked once, so an overflow cannot hide in a rounded double.
function safe(n: bigint, what: string): Fen {
  if (n > MAX || n < -MAX) throw new MoneyError('NOT_SAFE_INTEGER', `${what} ${n} fen exceeds Number.MAX_SAFE_INTEGER`);
  return Number(n) as Fen;
}

/** An amount already in fen; must be a safe integer. */
export function fen(amount: number): Fen {
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    throw new MoneyError('NOT_SAFE_INTEGER', `fen(${String(amount)}): an amount in fen must be an integer`);
  }
  if (!Number.isSafeInteger(amount)) throw new MoneyError('NOT_SAFE_INTEGER', `fen(${amount}) exceeds Number.MAX_SAFE_INTEGER`);
  return (amount === 0 ? 0 : amount) as Fen; // no -0 fen
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount in yuan with at most two decimals: 200 → 20000 fen, '12.5' → 1250 fen. A number is read
 * through its shortest decimal form, so 0.1 + 0.2 (0.30000000000000004) is refused rather than
 * rounded: an input that is not an exact number of fen is a bug upstream.
 */
export function yuan(amount: number | string): Fen {
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount;
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!match) throw new MoneyError('NOT_EXACT_CENTS', `yuan(${String(amount)}): not an amount with at most two decimals`);
  const [, sign, whole, cents = ''] = match;
  const total = BigInt(whole ?? '0') * 100n + BigInt(cents.padEnd(2, '0'));
  return safe(sign === '-' ? -total : total, `yuan(${String(amount)}):`);
}

export function addFen(a: Fen, b: Fen): Fen {
  return safe(BigInt(fen(a)) + BigInt(fen(b)), 'sum');
}

export function subtractFen(a: Fen, b: Fen): Fen {
  return safe(BigInt(fen(a)) - BigInt(fen(b)), 'difference');
}

/** amount × count, e.g. a per-child subsidy times the number of children. */
export function multiplyFen(amount: Fen, count: number): Fen {
  if (!Number.isSafeInteger(count)) throw new MoneyError('INVALID_ARGUMENT', `multiplyFen: count must be an integer, got ${count}`);
  return safe(BigInt(fen(amount)) * BigInt(count), 'product');
}

export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0n;
  for (const amount of amounts) total += BigInt(fen(amount));
  return safe(total, 'sum');
}

/**
 * Splits `total` into parts that add up to it exactly, by the largest-remainder method. `parts` is
 * either a count (equal shares) or a list of non-negative integer weights. Each part first gets
 * floor(total × weight / Σweights); the fen left over go one each to the parts with the largest
 * remainders, ties going to the earlier part. A negative total is split as its absolute value and
 * negated, so the rounding is symmetric.
 */
export function splitFen(total: Fen, parts: number | readonly number[]): Fen[] {
  const weights = typeof parts === 'number' ? equalWeights(parts) : parts;
  if (weights.length === 0) throw new MoneyError('INVALID_ARGUMENT', 'splitFen: at least one part is needed');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError('INVALID_ARGUMENT', `splitFen: weights must be non-negative integers, got ${w}`);
  }
  const weightSum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (weightSum === 0n) throw new MoneyError('INVALID_ARGUMENT', 'splitFen: weights add up to zero');
  const sign = fen(total) < 0 ? -1n : 1n;
  const amount = BigInt(total) * sign;
  const shares = weights.map((w, index) => ({ index, base: (amount * BigInt(w)) / weightSum, rest: (amount * BigInt(w)) % weightSum }));
  let leftover = amount - shares.reduce((s, p) => s + p.base, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.base += 1n;
    leftover -= 1n;
  }
  return shares.map((share) => safe(share.base * sign, 'share'));
}

function equalWeights(count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000) {
    throw new MoneyError('INVALID_ARGUMENT', `splitFen: parts must be an integer from 1 to 1,000,000, got ${count}`);
  }
  return new Array<number>(count).fill(1);
}

/** ¥1,234.56; negative amounts as -¥1,234.56. */
export function formatYuan(amount: Fen): string {
  const value = fen(amount);
  const abs = Math.abs(value);
  const whole = ((abs - (abs % 100)) / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${value < 0 ? '-' : ''}¥${whole}.${cents}`;
}
