// A rate is kept as an exact ratio; the per-mille figure is for display only (rounded down, so a
// district is never shown at target when it is not). Targets are checked by cross-multiplication.

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** floor(1000 × numerator / denominator), or null when the denominator is 0. */
  readonly perMille: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, perMille: denominator === 0 ? null : Math.floor((numerator * 1000) / denominator) };
}

/** numerator / denominator ≥ target‰, exactly; an empty denominator has nothing to miss. */
export function meets(r: Ratio, targetPerMille: number): boolean {
  return r.denominator === 0 || r.numerator * 1000 >= targetPerMille * r.denominator;
}

/** ⌈a / b⌉ for a ≥ 0, b > 0, in integers; 0 for a ≤ 0. */
export function ceilDiv(a: number, b: number): number {
  return a <= 0 ? 0 : Math.floor((a + b - 1) / b);
}
