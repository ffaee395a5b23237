// Builds the engine's Application from a stored one using only what is published or stored, so
// anyone holding the round's data and seed can re-run it and get the same result.
import type { Application } from '../placement/index.ts';
import { toSubmittedDocuments } from '../application/index.ts';
import type { StoredApplication } from '../application/index.ts';

/** Residence is counted up to the first day of the school year. */
export function schoolYearStart(year: number): string {
  return `${year}-09-01`;
}

/**
 * Whole months from `since` to `until`: 2023-02-01 → 2026-09-01 is 43; a month counts only once
 * its day is reached (15 Jan → 14 Feb is 0). Never negative.
 */
export function wholeMonthsBetween(since: string, until: string): number {
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = until.split('-').map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}

export interface EngineExtras {
  readonly schoolDistancesKm?: Readonly<Record<string, number>>;
  readonly attributes?: Application['attributes'];
}

export function toEngineApplication(stored: StoredApplication, extras: EngineExtras = {}): Application {
  const { form } = stored;
  return {
    id: stored.id,
    homeDistrictId: form.residenceDistrictCode,
    grade: form.grade,
    tenure: form.housing,
    residenceMonths: wholeMonthsBetween(form.residenceSince, schoolYearStart(form.year)),
    documents: toSubmittedDocuments(stored.documents),
    rankedSchoolIds: [...form.rankedSchoolIds],
    ...(extras.schoolDistancesKm ? { schoolDistancesKm: extras.schoolDistancesKm } : {}),
    ...(extras.attributes ? { attributes: extras.attributes } : {}),
  };
}
