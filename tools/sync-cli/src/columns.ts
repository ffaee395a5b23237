// The columns of a catalogue CSV: English field names (any case) or their Chinese names, any order.
import { SnapshotFileError } from './errors.ts';

export const COLUMNS = [
  'code',
  'name',
  'lengthYears',
  'annualIntake',
  'enrolled',
  'applicants',
  'featured',
  'partnerEnterprises',
  'industries',
  'outOfCatalogueReference',
] as const;

export type Column = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ['code', 'name', 'lengthYears', 'annualIntake'];

export const CHINESE_NAMES: Record<Column, readonly string[]> = {
  code: ['专业代码'],
  name: ['专业名称'],
  lengthYears: ['学制'],
  annualIntake: ['年度招生计划', '招生计划'],
  enrolled: ['在校生数'],
  applicants: ['报名人数'],
  featured: ['特色专业'],
  partnerEnterprises: ['合作企业'],
  industries: ['服务产业'],
  outOfCatalogueReference: ['目录外专业批准文号'],
};

const BY_NAME = new Map<string, Column>();
for (const column of COLUMNS) {
  BY_NAME.set(column.toLowerCase(), column);
  for (const alias of CHINESE_NAMES[column]) BY_NAME.set(alias, column);
}

export function columnOf(header: string): Column | undefined {
  return BY_NAME.get(header.trim().toLowerCase());
}

function expectedColumns(): string {
  return COLUMNS.map((c) => `${c} (${CHINESE_NAMES[c].join(' / ')})${REQUIRED_COLUMNS.includes(c) ? ' *' : ''}`).join(', ');
}

/** Header cells → the column of each cell, in order; refuses unknown, duplicated and missing columns. */
export function mapHeader(cells: string[], fileName: string, line: number): Column[] {
  const problems: string[] = [];
  const columns: Column[] = [];
  const seen = new Map<Column, string>();
  for (const [index, cell] of cells.entries()) {
    const column = columnOf(cell);
    if (!column) {
      problems.push(cell === '' ? `column ${index + 1} has no name` : `unknown column "${cell}"`);
      continue;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) problems.push(`column "${cell}" repeats "${earlier}" (${column})`);
    seen.set(column, cell);
    columns.push(column);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `${c} (${CHINESE_NAMES[c][0]})`).join(', ')}`);
  if (problems.length) {
    throw new SnapshotFileError(
      `${fileName} line ${line}, the header row: ${problems.join('; ')}.\nExpected columns, in any order (* required): ${expectedColumns()}.`,
    );
  }
  return columns;
}
