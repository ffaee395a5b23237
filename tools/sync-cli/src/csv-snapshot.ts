// A catalogue CSV → snapshot rows, the line each row starts on, and the text of each cell.
import { featuredCell, industriesCell, numberCell, partnersCell } from './cells.ts';
import { mapHeader } from './columns.ts';
import type { Column } from './columns.ts';
import { parseCsvRecords } from './csv-records.ts';
import { SnapshotFileError } from './errors.ts';
import type { CatalogueRowInput, ParsedRows, RawCells } from './snapshot-types.ts';

export function csvRows(text: string, fileName: string): ParsedRows {
  const [header, ...records] = parseCsvRecords(text, fileName);
  if (!header) throw new SnapshotFileError(`${fileName} is empty: it holds no header and no programmes.`);
  const columns = mapHeader(header.cells, fileName, header.line);
  if (records.length === 0) throw new SnapshotFileError(`${fileName} has a header (line ${header.line}) but no programme rows.`);
  const present = new Set(columns);
  const rows: ParsedRows = { programmes: [], lines: [], raw: [] };
  for (const record of records) {
    const raw: RawCells = {};
    for (const [index, column] of columns.entries()) raw[column] = record.cells[index] ?? '';
    rows.programmes.push(rowFromCells(raw, present));
    rows.lines.push(record.line);
    rows.raw.push(raw);
  }
  return rows;
}

function rowFromCells(cell: RawCells, present: Set<Column>): CatalogueRowInput {
  const text = (column: Column) => cell[column] ?? '';
  const row: CatalogueRowInput = {
    code: text('code'),
    name: text('name'),
    lengthYears: numberCell(text('lengthYears')),
    annualIntake: numberCell(text('annualIntake')),
    featured: featuredCell(text('featured')),
    partnerEnterprises: partnersCell(text('partnerEnterprises')),
  };
  // An empty count is left out, so the server's default (0) applies; an unreadable one is sent as null.
  if (text('enrolled') !== '') row.enrolled = numberCell(text('enrolled'));
  if (text('applicants') !== '') row.applicants = numberCell(text('applicants'));
  // No industries column: keep each programme's alignment; an empty cell clears it.
  if (present.has('industries')) row.industries = industriesCell(text('industries'));
  if (text('outOfCatalogueReference') !== '') row.outOfCatalogueReference = text('outOfCatalogueReference');
  return row;
}
