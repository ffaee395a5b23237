import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseCatalogueRecords } from '../../src/domain/catalogue/index.ts';
import type { CatalogueEntry } from '../../src/domain/catalogue/index.ts';

/** The sample of the national catalogue that ships with the repository. */
export const SAMPLE_CATALOGUE = new URL('../../../../tools/catalogue/national-catalogue.sample.csv', import.meta.url);

export const IMPORT_CATALOGUE = `mutation($entries: [CatalogueEntryInput!]!) { importCatalogue(entries: $entries) { added updated unchanged total } }`;

export function sampleCatalogue(): CatalogueEntry[] {
  const rows = parse(readFileSync(SAMPLE_CATALOGUE, 'utf8'), { info: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const { entries, problems } = parseCatalogueRecords(rows.map((r) => ({ line: r.info.lines, cells: r.record })));
  if (problems.length > 0) throw new Error(`the sample catalogue has problems: ${JSON.stringify(problems)}`);
  return [...entries];
}
