// A catalogue file (CSV or JSON) → the snapshot to send, with what is needed to report on it: the
// line of the file each row came from and the text the file held for each field.
import { basename, extname } from 'node:path';
import { csvRows } from './csv-snapshot.ts';
import { SnapshotFileError } from './errors.ts';
import { jsonRows } from './json-snapshot.ts';
import type { JsonRows } from './json-snapshot.ts';
import { readFileText } from './read-file.ts';
import type { TextEncoding } from './read-file.ts';
import { MAX_ROWS } from './snapshot-types.ts';
import type { CatalogueSnapshotInput } from './snapshot-types.ts';
import { currentYearInShanghai } from './year.ts';

export interface SnapshotOptions {
  /** Wins over a year in a JSON file; default: the file's year, else the current year in Asia/Shanghai. */
  year?: number;
  /** true: annual intake is a cap (enrolled above it is refused per row). Wins over the file. */
  intakeIsCap?: boolean;
}

export interface SnapshotFile {
  snapshot: CatalogueSnapshotInput;
  format: 'CSV' | 'JSON';
  encoding: TextEncoding;
  /** 1-based row of the snapshot → line of the CSV file, or position (1-based) in the JSON array. */
  lineOfRow: (row: number) => number;
  /** The text the file held for a field of a row (`rejected[].field` from the server), if known. */
  rawOf: (row: number, field: string) => string | undefined;
}

export function readSnapshotFile(path: string, options: SnapshotOptions = {}): SnapshotFile {
  const name = basename(path);
  const { text, encoding } = readFileText(path);
  const extension = extname(path).toLowerCase();
  const isJson = extension === '.json' || (extension !== '.csv' && /^\s*[[{]/.test(text));
  const rows: JsonRows = isJson ? jsonRows(text, name) : csvRows(text, name);
  if (rows.programmes.length > MAX_ROWS) {
    throw new SnapshotFileError(
      `${name} has ${rows.programmes.length.toLocaleString('en')} programme rows; a snapshot may hold at most ${MAX_ROWS.toLocaleString('en')} (a school's whole catalogue for one year).`,
    );
  }
  const snapshot: CatalogueSnapshotInput = {
    year: options.year ?? rows.year ?? currentYearInShanghai(),
    intakeIsCap: options.intakeIsCap ?? rows.intakeIsCap ?? false,
    programmes: rows.programmes,
  };
  return {
    snapshot,
    format: isJson ? 'JSON' : 'CSV',
    encoding,
    lineOfRow: (row) => rows.lines[row - 1] ?? row,
    rawOf: (row, field) => {
      const raw = rows.raw[row - 1];
      if (!raw) return undefined;
      const partner = /^partnerEnterprises(?:\[(\d+)\]|\.(\d+))/.exec(field);
      if (partner) {
        const item = snapshot.programmes[row - 1]?.partnerEnterprises[Number(partner[1] ?? partner[2])];
        if (item) return item.creditCode === '' ? item.name : `${item.name}|${item.creditCode}`;
      }
      const industry = /^industries\[(\d+)\]$/.exec(field);
      const item = industry ? snapshot.programmes[row - 1]?.industries?.[Number(industry[1])] : undefined;
      return item ?? raw[field] ?? raw[field.split(/[.[]/)[0] ?? field];
    },
  };
}
