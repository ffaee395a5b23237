// Catalogue entries as the ministry's table is exported: a header `code,name,level,category` (any
// column order) then one programme a record. The records come already split (the caller's CSV
// parser knows quoting and encodings); every bad record is reported with its line, good ones load.
import { checkText, normaliseText } from '@edugraph/rules';
import type { CatalogueEntry } from './catalogue.ts';
import { LEVEL_ALIASES, categoryOf, levelOfCode } from './levels.ts';

export interface CatalogueRowProblem {
  /** 1-based line of the record in its file (the header is line 1), or its position in a list. */
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export interface ParsedCatalogue {
  readonly entries: readonly CatalogueEntry[];
  readonly problems: readonly CatalogueRowProblem[];
}

/** One record of the table: its cells and the line it starts on. */
export interface CatalogueRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export const CATALOGUE_COLUMNS = ['code', 'name', 'level', 'category'] as const;
type Column = (typeof CATALOGUE_COLUMNS)[number];

/** Every problem of one entry given as text (a record's cells or an API input). */
export function checkCatalogueEntry(raw: Readonly<Record<Column, string>>, line: number): { entry: CatalogueEntry | null; problems: CatalogueRowProblem[] } {
  const problems: CatalogueRowProblem[] = [];
  const code = normaliseText(raw.code, { form: 'NFKC' });
  const codeLevel = levelOfCode(code);
  if (codeLevel === null) problems.push({ line, field: 'code', message: `code must be six digits starting 21–39, 41–59 or 61–79 (got "${code}")` });
  const name = normaliseText(raw.name);
  const nameText = checkText(name, { max: 200, min: 1 });
  if (name === '') problems.push({ line, field: 'name', message: 'name must not be empty' });
  else if (!nameText.ok) problems.push({ line, field: 'name', message: `name ${nameText.error.message}` });
  const levelText = raw.level.trim();
  const level = LEVEL_ALIASES[levelText.toUpperCase()] ?? LEVEL_ALIASES[levelText];
  if (level === undefined) problems.push({ line, field: 'level', message: `level must be SECONDARY, ASSOCIATE or BACHELOR (got "${levelText}")` });
  else if (codeLevel !== null && level !== codeLevel) problems.push({ line, field: 'level', message: `code ${code} is a ${codeLevel} code, not ${level}` });
  const category = raw.category.trim();
  if (codeLevel !== null && category !== categoryOf(code)) problems.push({ line, field: 'category', message: `category must be ${categoryOf(code)}, the first two digits of the code (got "${category}")` });
  if (problems.length > 0 || level === undefined) return { entry: null, problems };
  return { entry: { code, name, level, category }, problems };
}

/** Checks a whole list of entries; a code's second and later entries are refused. */
export function checkCatalogueEntries(list: readonly { readonly line: number; readonly raw: Readonly<Record<Column, string>> }[]): ParsedCatalogue {
  const entries: CatalogueEntry[] = [];
  const problems: CatalogueRowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of list) {
    const checked = checkCatalogueEntry(raw, line);
    const code = checked.entry?.code;
    const first = code === undefined ? undefined : seen.get(code);
    if (first !== undefined) checked.problems.push({ line, field: 'code', message: `code ${code} already appears on line ${first}` });
    problems.push(...checked.problems);
    if (checked.entry && first === undefined && checked.problems.length === 0) {
      seen.set(checked.entry.code, line);
      entries.push(checked.entry);
    }
  }
  return { entries, problems };
}

/** Reads the table: the first record is the header; blank records are skipped. */
export function parseCatalogueRecords(records: readonly CatalogueRecord[]): ParsedCatalogue {
  const [header, ...rows] = records;
  const names = (header?.cells ?? []).map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const index = Object.fromEntries(CATALOGUE_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  const missing = CATALOGUE_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    return { entries: [], problems: [{ line: header?.line ?? 1, field: 'header', message: `header must name the columns code,name,level,category (missing ${missing.join(', ')})` }] };
  }
  const list = rows
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ line: r.line, raw: Object.fromEntries(CATALOGUE_COLUMNS.map((c) => [c, r.cells[index[c]] ?? ''])) as Record<Column, string> }));
  return checkCatalogueEntries(list);
}
