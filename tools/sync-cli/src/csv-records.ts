// CSV text → records, each with the line of the file it starts on (a quoted cell may span lines,
// so record ≠ line), parsed by csv-parse: `,` between cells, `"` around cells holding commas,
// quotes or line breaks, `""` for a quote inside; lines end in LF, CRLF or CR. Cells are trimmed;
// lines that are empty, or hold only empty cells, are skipped. Every record must have as many
// cells as the first: a record of another length is an error of the file, with its line.
import { CsvError, parse } from 'csv-parse/sync';
import { SnapshotFileError } from './errors.ts';

export interface CsvRecord {
  cells: string[];
  /** 1-based line of the file on which the record starts. */
  line: number;
}

/** Lines before a record that csv-parse skipped (empty, or only commas and blanks). */
const SKIPPED_LINES = /^([ \t,\u3000]*\n)+/;

function newlines(text: string): number {
  let count = 0;
  for (const c of text) if (c === '\n') count++;
  return count;
}

/** What csv-parse's error means for a person fixing the file. */
function explain(error: CsvError, records: readonly CsvRecord[]): string {
  const header = records[0];
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const cells = (error as CsvError & { record?: unknown[] }).record?.length ?? 0;
      return `${cells} cells where the header (line ${header?.line ?? 1}) has ${header?.cells.length ?? '?'}; a cell holding a comma must be quoted.`;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (a " is missing).';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'unexpected text after the closing quote of a cell (a quote inside a cell is written "").';
    default:
      return error.message;
  }
}

export function parseCsvRecords(text: string, fileName: string): CsvRecord[] {
  // One line end throughout, so csv-parse's line count is the file's (Excel writes CRLF; old Mac
  // exports CR). A line break inside a quoted cell becomes \n as well.
  const normalised = text.replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  try {
    parse(normalised, {
      info: true,
      raw: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // Each record is checked as it comes, so an error names the header's line and length.
      on_record: (r: { record: string[]; raw: string; info: { lines: number } }) => {
        // `lines` is the line the record ends on; its own raw text (without the line end and the
        // skipped lines before it) says how many lines it spans.
        const own = r.raw.replace(/\n$/, '').replace(SKIPPED_LINES, '');
        // csv-parse trims around quotes; a quoted cell's own blanks go too.
        records.push({ cells: r.record.map((cell) => cell.trim()), line: r.info.lines - newlines(own) });
        return r;
      },
      // The options' types cannot express `info` and `raw` together with `on_record`.
    } as never);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const failing = error as CsvError & { lines?: number; raw?: string };
    const own = (failing.raw ?? '').replace(/\n$/, '').replace(SKIPPED_LINES, '');
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? undefined : (failing.lines ?? 1) - newlines(own);
    const opened = line ?? quoteOpenedOn(normalised, records);
    throw new SnapshotFileError(`${fileName} line ${opened}: ${explain(error, records)}`);
  }
  return records;
}

/** The line of the record after the last one read: where the unclosed quote began. */
function quoteOpenedOn(text: string, records: readonly CsvRecord[]): number {
  const last = records.at(-1);
  if (!last) return 1;
  const lines = text.split('\n');
  let line = last.line + 1;
  while (line <= lines.length && /^[ \t,\u3000]*$/.test(lines[line - 1] ?? '')) line++;
  return line;
}
