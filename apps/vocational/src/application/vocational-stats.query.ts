import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '@edugraph/platform';
import { vocationalStats } from '../domain/alignment/index.ts';
import type { StatsProgramme } from '../domain/alignment/index.ts';
import { ProgrammeYear } from '../entities/catalogue.entities.ts';
import { Programme } from '../entities/programme.entity.ts';
import { loadIndustries } from './reference-data.ts';

export interface VocationalStatsView {
  year: number;
  alignedIntakeShare: number | null;
  alignedIntake: number;
  totalIntake: number;
  intakeByIndustry: { industry: string; name: string; kind: string; intake: number }[];
  growth: { year: number; intake: number }[];
  oversubscribed: { programme: string; programmeId: string; code: string; institutionId: string; applicants: number; annualIntake: number }[];
}

/**
 * The city's figures for a year from each programme's recorded figures of that year (and the years
 * before, for growth); alignment is the programme's current one. A programme serving two industries
 * counts in both industries' intake.
 */
export async function vocationalStatsOf(em: EntityManager, year: number): Promise<VocationalStatsView> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('BAD_USER_INPUT', `year must be a year such as 2026 (got ${year}).`);
  const [records, industries] = await Promise.all([em.find(ProgrammeYear, { year: { $lte: year } }, { orderBy: { year: 'asc' } }), loadIndustries(em)]);
  const programmes = new Map((await em.find(Programme, { id: { $in: [...new Set(records.map((r) => r.programmeId))] } })).map((p) => [p.id, p]));
  const byYear = new Map<number, StatsProgramme[]>();
  for (const r of records) {
    const list = byYear.get(r.year) ?? [];
    // A programme's id stands in for its code: two schools may run the same code.
    list.push({ code: r.programmeId, annualIntake: r.annualIntake, applicants: r.applicants, industries: programmes.get(r.programmeId)?.industries ?? [] });
    byYear.set(r.year, list);
  }
  if (!byYear.has(year)) byYear.set(year, []);
  const stats = vocationalStats(byYear, industries);
  return {
    year,
    alignedIntakeShare: stats.alignedIntakeShare.value,
    alignedIntake: stats.alignedIntakeShare.numerator,
    totalIntake: stats.alignedIntakeShare.denominator,
    intakeByIndustry: stats.intakeByIndustry.map((i) => ({ industry: i.industry.code, name: i.industry.name, kind: i.industry.kind, intake: i.intake })),
    growth: stats.growth.map((g) => ({ year: g.year, intake: g.intake })),
    oversubscribed: stats.oversubscribed.map((o) => {
      const p = programmes.get(o.code)!;
      return { programme: p.name, programmeId: p.id, code: p.code, institutionId: p.institutionId, applicants: o.applicants, annualIntake: o.annualIntake };
    }),
  };
}
