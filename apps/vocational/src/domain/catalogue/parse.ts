// Catalogue rows as the ministry's table is exported: a header `code,name,level,category` (any
// column order) then one programme a line. Every bad row is reported with its line; good rows load.
import { normaliseText } from '@edugraph/rules';
import type { CatalogueEntry } from './catalogue.ts';
import { LEVEL_ALIASES, categoryOf, levelOfCode } from './levels.ts';

export interface CatalogueRowProblem {
  /** 1-based line of the text, the header being line 1. */
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export interface ParsedCatalogue {
  readonly entries: readonly CatalogueEntry[];
  readonly problems: readonly CatalogueRowProblem[];
}

const COLUMNS = ['code', 'name', 'level', 'category'] as const;

/** Splits one CSV line; double quotes may wrap a field holding commas, "" is a quote. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { current += '"'; i++; } else if (c === '"') quoted = false; else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(current); current = ''; } else current += c;
  }
  fields.push(current);
  return fields.map((f) => f.trim());
}

export function parseCatalogueRows(text: string): ParsedCatalogue {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    return { entries: [], problems: [{ line: 1, field: 'header', message: `header must name the columns code,name,level,category (missing ${missing.join(', ')})` }] };
  }
  const entries: CatalogueEntry[] = [];
  const problems: CatalogueRowProblem[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = splitCsvLine(raw);
    const cell = (c: (typeof COLUMNS)[number]) => cells[index[c]] ?? '';
    const rowProblems: CatalogueRowProblem[] = [];
    const code = cell('code');
    const codeLevel = levelOfCode(code);
    if (codeLevel === null) rowProblems.push({ line, field: 'code', message: `code must be six digits starting 21–39, 41–59 or 61–79 (got "${code}")` });
    const name = normaliseText(cell('name'));
    if (name === '') rowProblems.push({ line, field: 'name', message: 'name must not be empty' });
    const level = LEVEL_ALIASES[cell('level').toUpperCase()] ?? LEVEL_ALIASES[cell('level')];
    if (level === undefined) rowProblems.push({ line, field: 'level', message: `level must be SECONDARY, ASSOCIATE or BACHELOR (got "${cell('level')}")` });
    else if (codeLevel !== null && level !== codeLevel) rowProblems.push({ line, field: 'level', message: `code ${code} is a ${codeLevel} code, not ${level}` });
    const category = cell('category');
    if (codeLevel !== null && category !== categoryOf(code)) rowProblems.push({ line, field: 'category', message: `category must be ${categoryOf(code)}, the first two digits of the code (got "${category}")` });
    const first = seen.get(code);
    if (codeLevel !== null && first !== undefined) rowProblems.push({ line, field: 'code', message: `code ${code} already appears on line ${first}` });
    if (rowProblems.length > 0 || level === undefined) { problems.push(...rowProblems); return; }
    seen.set(code, line);
    entries.push({ code, name, level, category });
  });
  return { entries, problems };
}
