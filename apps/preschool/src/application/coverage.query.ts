import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { AppError, parseInput, requireRole, textInput } from '@edugraph/platform';
import { isUniqueViolation } from '@edugraph/persistence';
import { checkChildCount, coverageReport, DEFAULT_COVERAGE_TARGETS, planningGaps as gapsOf } from '../domain/index.ts';
import type { CoverageReport, PlanningGap } from '../domain/index.ts';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { PreschoolPopulation } from '../entities/planning.entities.ts';
import { toDomainKindergarten } from './kindergarten.view.ts';
import { queueEvents, refusal } from './planning-support.ts';
import type { PlanningContext } from './planning-support.ts';

const populationInput = z.object({ districtCode: textInput({ max: 40, form: 'NFKC' }), year: z.number(), children: z.number() });

export interface PopulationView {
  districtCode: string;
  year: number;
  children: number;
}

/**
 * Bureau staff set the number of children aged 3–6 in a district and year (from population data).
 * Setting it again replaces it; the same number again changes nothing and says nothing.
 */
export async function setPreschoolPopulation(ctx: PlanningContext, raw: z.input<typeof populationInput>): Promise<PopulationView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'set preschool population figures');
  const input = parseInput(populationInput, raw);
  const checked = checkChildCount(input);
  if (!checked.ok) throw refusal(checked.error);
  if (input.year < 2000 || input.year > 2100) throw new AppError('INVALID_CHILD_COUNT', `year ${input.year} is not a year such as 2026`);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(PreschoolPopulation, { districtCode: input.districtCode, year: input.year });
      const previous = row?.children ?? null;
      if (row && previous === input.children) return input;
      const saved = row ?? tx.create(PreschoolPopulation, { districtCode: input.districtCode, year: input.year, children: input.children });
      saved.children = input.children;
      await tx.flush();
      queueEvents(tx, ctx, { type: 'PreschoolPopulation', id: saved.id }, [
        { type: 'preschool.population.set', payload: { districtCode: input.districtCode, year: input.year, children: input.children, previous } },
      ]);
      await tx.flush();
      return input;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'The figure for this district and year was set at the same time; read it again and retry.');
    throw error;
  }
}

export interface DistrictCoverageView {
  districtCode: string;
  area: 'URBAN' | 'RURAL';
  placesByArea: { urbanPlaces: number; ruralPlaces: number };
  children: number;
  places: number;
  inclusivePlaces: number;
  coverageRate: number | null;
  inclusiveRate: number | null;
  coverage: RateView;
  inclusive: RateView;
  coverageMet: boolean;
  inclusiveMet: boolean;
}
export interface RateView {
  numerator: number;
  denominator: number;
  perMille: number | null;
  percent: string | null;
}
export interface CoverageView {
  year: number;
  byDistrict: DistrictCoverageView[];
  targets: { coveragePerMille: number; inclusivePerMille: number; basis: string };
  belowTarget: string[];
}

const rate = (r: { numerator: number; denominator: number; perMille: number | null }): RateView => ({
  ...r,
  percent: r.perMille === null ? null : `${Math.floor(r.perMille / 10)}.${r.perMille % 10}%`,
});

/** The ratio as a number for display, 4 decimals; the exact ratio decides targets. */
const decimal = (r: { numerator: number; denominator: number }): number | null => (r.denominator === 0 ? null : Math.round((r.numerator * 10_000) / r.denominator) / 10_000);

async function report(em: EntityManager, year: number): Promise<CoverageReport> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('BAD_USER_INPUT', `year ${year} is not a year such as 2026.`);
  const [kindergartens, population] = await Promise.all([em.find(Kindergarten, {}), em.find(PreschoolPopulation, { year })]);
  const r = coverageReport(year, kindergartens.map(toDomainKindergarten), population.map((p) => ({ districtCode: p.districtCode, year: p.year, children: p.children })), DEFAULT_COVERAGE_TARGETS);
  if (!r.ok) throw refusal(r.error);
  return r.value;
}

/**
 * Places against children aged 3–6 per district (public). Kindergartens are read as the domain sees
 * them (toDomainKindergarten: area from the profile, inclusive per year from the recognitions).
 * Two statements whatever the city's size.
 */
export async function coverage(em: EntityManager, year: number): Promise<CoverageView> {
  const r = await report(em, year);
  return {
    year,
    byDistrict: r.districts.map((d) => ({
      districtCode: d.districtCode,
      area: d.placesByArea.RURAL > d.placesByArea.URBAN ? 'RURAL' : 'URBAN',
      placesByArea: { urbanPlaces: d.placesByArea.URBAN, ruralPlaces: d.placesByArea.RURAL },
      children: d.children,
      places: d.places,
      inclusivePlaces: d.inclusivePlaces,
      coverageRate: decimal(d.coverage),
      inclusiveRate: decimal(d.inclusive),
      coverage: rate(d.coverage),
      inclusive: rate(d.inclusive),
      coverageMet: d.coverageMet,
      inclusiveMet: d.inclusiveMet,
    })),
    targets: { coveragePerMille: r.target.coveragePerMille, inclusivePerMille: r.target.inclusivePerMille, basis: r.target.basis },
    belowTarget: [...r.belowTarget],
  };
}

/** Districts below target with the fewest places (and inclusive places) that close each gap. */
export async function planningGaps(em: EntityManager, year: number): Promise<PlanningGap[]> {
  return gapsOf(await report(em, year));
}
