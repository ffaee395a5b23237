// What the city sees of vocational education: how much of the intake is in programmes aligned with
// its industries, intake per industry, the scale by year, and where applicants exceed places.
// Integer arithmetic only; the one decimal is rounded half up from the exact ratio.
import type { Industry } from './industries.ts';

/** The fields of a programme these figures need (a sync Programme fits). */
export interface StatsProgramme {
  readonly code: string;
  readonly annualIntake: number;
  readonly applicants: number;
  readonly industries: readonly string[];
}

export type ProgrammesByYear = ReadonlyMap<number, readonly StatsProgramme[]> | Readonly<Record<number, readonly StatsProgramme[]>>;

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator rounded half up to 4 decimals; null when the denominator is 0. */
  readonly value: number | null;
}

export interface VocationalStats {
  /** The year the share, industry intake and oversubscription describe: the latest one given. */
  readonly year: number | null;
  readonly alignedIntakeShare: Ratio;
  readonly intakeByIndustry: readonly { readonly industry: Industry; readonly intake: number }[];
  readonly growth: readonly { readonly year: number; readonly intake: number }[];
  readonly oversubscribed: readonly { readonly code: string; readonly applicants: number; readonly annualIntake: number }[];
}

export function ratio(numerator: number, denominator: number): Ratio {
  if (denominator === 0) return { numerator, denominator, value: null };
  const tenThousandths = Math.floor((2 * numerator * 10_000 + denominator) / (2 * denominator));
  return { numerator, denominator, value: tenThousandths / 10_000 };
}

function entries(byYear: ProgrammesByYear): [number, readonly StatsProgramme[]][] {
  const list: [number, readonly StatsProgramme[]][] = byYear instanceof Map
    ? [...byYear.entries()]
    : Object.entries(byYear).map(([year, programmes]) => [Number(year), programmes]);
  return list.sort((a, b) => a[0] - b[0]);
}

/**
 * A programme is aligned when it names at least one industry of the table (unknown codes are
 * ignored). A programme serving two industries counts its whole intake in each of them, so
 * intakeByIndustry may sum to more than the total; the share counts it once.
 */
export function vocationalStats(programmesByYear: ProgrammesByYear, industries: readonly Industry[]): VocationalStats {
  const years = entries(programmesByYear);
  const growth = years.map(([year, programmes]) => ({ year, intake: programmes.reduce((sum, p) => sum + p.annualIntake, 0) }));
  const latest = years.at(-1);
  const programmes = latest?.[1] ?? [];
  const known = new Set(industries.map((i) => i.code));
  const total = programmes.reduce((sum, p) => sum + p.annualIntake, 0);
  const aligned = programmes.filter((p) => p.industries.some((code) => known.has(code))).reduce((sum, p) => sum + p.annualIntake, 0);
  const intakeByIndustry = industries.map((industry) => ({
    industry,
    intake: programmes.filter((p) => p.industries.includes(industry.code)).reduce((sum, p) => sum + p.annualIntake, 0),
  }));
  // Most oversubscribed first: applicants/intake compared by cross-multiplication, then by code.
  const oversubscribed = programmes
    .filter((p) => p.applicants > p.annualIntake)
    .map((p) => ({ code: p.code, applicants: p.applicants, annualIntake: p.annualIntake }))
    .sort((a, b) => b.applicants * a.annualIntake - a.applicants * b.annualIntake || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { year: latest?.[0] ?? null, alignedIntakeShare: ratio(aligned, total), intakeByIndustry, growth, oversubscribed };
}
