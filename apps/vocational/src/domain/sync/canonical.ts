// One normal form for a row, used both to keep programmes and to hash snapshots, so two snapshots
// with the same canonical string always produce the same diff. The application hashes the string.
import { normaliseText } from '@edugraph/rules';
import type { Programme, SnapshotRow } from './types.ts';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Trimmed, NFC names; credit codes upper case; partners sorted by credit code then name and
 * deduplicated; industries sorted and deduplicated; a blank reference becomes null.
 */
export function normaliseRow(row: SnapshotRow): Programme {
  const partners = new Map<string, { name: string; creditCode: string }>();
  for (const p of row.partnerEnterprises) {
    const partner = { name: normaliseText(p.name), creditCode: p.creditCode.trim().toUpperCase() };
    partners.set(`${partner.creditCode}\u0000${partner.name}`, partner);
  }
  const reference = normaliseText(row.outOfCatalogueReference ?? '');
  return {
    code: row.code,
    name: normaliseText(row.name),
    lengthYears: row.lengthYears,
    annualIntake: row.annualIntake,
    enrolled: row.enrolled,
    applicants: row.applicants,
    featured: row.featured,
    partnerEnterprises: [...partners.values()].sort((a, b) => compare(a.creditCode, b.creditCode) || compare(a.name, b.name)),
    industries: [...new Set(row.industries)].sort(compare),
    outOfCatalogueReference: reference === '' ? null : reference,
  };
}

/** The fields a programme is compared on, in this (alphabetical) order. */
export const PROGRAMME_FIELDS = [
  'annualIntake', 'applicants', 'code', 'enrolled', 'featured', 'industries', 'lengthYears', 'name',
  'outOfCatalogueReference', 'partnerEnterprises',
] as const;

export type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

/** Canonical JSON of one field's value (partners as {creditCode,name} in that key order). */
export function canonicalField(p: Programme, field: ProgrammeField): string {
  if (field === 'partnerEnterprises') return JSON.stringify(p.partnerEnterprises.map((e) => ({ creditCode: e.creditCode, name: e.name })));
  return JSON.stringify(p[field]);
}

/** `{"annualIntake":…,…,"partnerEnterprises":[…]}`: stable key order, sorted arrays, no spaces. */
export function canonicalRow(row: SnapshotRow): string {
  const p = normaliseRow(row);
  return `{${PROGRAMME_FIELDS.map((f) => `${JSON.stringify(f)}:${canonicalField(p, f)}`).join(',')}}`;
}

/**
 * `[row,row,…]` sorted by code. The sort is stable, so rows sharing a code keep their order: which
 * duplicate is first (and so counts) is part of the snapshot's meaning and of its hash.
 */
export function canonicalSnapshot(rows: readonly SnapshotRow[]): string {
  const sorted = rows.map((row, i) => ({ code: String(row.code), i, text: canonicalRow(row) }));
  sorted.sort((a, b) => compare(a.code, b.code) || a.i - b.i);
  return `[${sorted.map((r) => r.text).join(',')}]`;
}
