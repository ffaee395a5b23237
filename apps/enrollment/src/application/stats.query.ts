import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { parseInput } from '@edugraph/platform';
import { District } from '../entities/district.entity.ts';

export interface DistrictStatsView {
  districtCode: string;
  applications: number;
  inDistrict: number;
  reassigned: number;
  waitlisted: number;
  seats: number;
}

export interface EnrollmentStatsView {
  year: number;
  byDistrict: DistrictStatsView[];
}

const yearInput = z.object({ year: z.number().int().min(2000).max(2100) });

/**
 * Public statistics of a school year per district of residence: applications, where the rounds
 * placed them, and the seats of the district's schools. Counts only, no personal data; three
 * statements whatever the number of districts (grouped in the database).
 */
export async function enrollmentStats(em: EntityManager, raw: { year: number }): Promise<EnrollmentStatsView> {
  const { year } = parseInput(yearInput, raw);
  const connection = em.getConnection();
  const applications = await connection.execute<{ code: string; kind: string | null; n: number | string }[]>(
      'select "residence_district_code" as "code", "placement_kind" as "kind", count(*) as "n" from "application" where "year" = ? group by "residence_district_code", "placement_kind"',
      [year],
  );
  const seats = await connection.execute<{ code: string; n: number | string | null }[]>(
      'select s."district_code" as "code", sum(p."capacity") as "n" from "seat_pool" p join "school" s on s."institution_id" = p."institution_id" where p."year" = ? group by s."district_code"',
      [year],
  );
  const districts = await em.find(District, {}, { fields: ['code'] });
  const byCode = new Map<string, DistrictStatsView>();
  const of = (code: string) => {
    let row = byCode.get(code);
    if (!row) byCode.set(code, (row = { districtCode: code, applications: 0, inDistrict: 0, reassigned: 0, waitlisted: 0, seats: 0 }));
    return row;
  };
  for (const d of districts) of(d.code);
  for (const r of applications) {
    const row = of(r.code);
    const n = Number(r.n);
    row.applications += n;
    if (r.kind === 'IN_DISTRICT') row.inDistrict += n;
    else if (r.kind === 'REASSIGNED') row.reassigned += n;
    else if (r.kind === 'WAITLISTED') row.waitlisted += n;
  }
  for (const r of seats) of(r.code).seats += Number(r.n ?? 0);
  return { year, byDistrict: [...byCode.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode)) };
}
