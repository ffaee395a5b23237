// CSV text → records, each with the line of the file it starts on (a quoted cell may span lines,
// so record ≠ line). RFC 4180 as Excel writes it: `,` between cells, `"` around cells holding
// commas, quotes or line breaks, `""` for a quote inside; lines end in LF, CRLF or CR. Cells are
// trimmed; lines that are empty, or hold only empty cells, are skipped. Every record must have as
// many cells as the first: a record of another length is an error of the file, with its line.
import { SnapshotFileError } from './errors.ts';

export interface CsvRecord {
  cells: string[];
  /** 1-based line of the file on which the record starts. */
  line: number;
}

const BLANK = /[ \t\u3000]/;

export function parseCsvRecords(text: string, fileName: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const at = (line: number, what: string) => new SnapshotFileError(`${fileName} line ${line}: ${what}`);
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      while (i < text.length && BLANK.test(text[i]!)) i++;
      let value: string;
      if (text[i] === '"') {
        const opened = line;
        i++;
        value = '';
        for (;;) {
          if (i >= text.length) throw at(opened, 'a quoted cell is never closed (a " is missing).');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        while (i < text.length && BLANK.test(text[i]!)) i++;
        if (i < text.length && !',\r\n'.includes(text[i]!)) {
          throw at(line, `unexpected text after the closing quote of cell ${cells.length + 1} (a quote inside a cell is written "").`);
        }
      } else {
        let end = i;
        while (end < text.length && !',\r\n'.includes(text[end]!)) end++;
        value = text.slice(i, end);
        i = end;
      }
      cells.push(value.trim());
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (cells.every((cell) => cell === '')) continue;
    const expected = records[0]?.cells.length;
    if (expected !== undefined && cells.length !== expected) {
      throw at(start, `${cells.length} cells where the header (line ${records[0]!.line}) has ${expected}; a cell holding a comma must be quoted.`);
    }
    records.push({ cells, line: start });
  }
  return records;
}
