// Reads a snapshot file as text: refuses oversized, empty and binary files, and works out whether
// it is UTF-8 (with or without BOM) or GB 18030 (what Excel in China saves as "CSV").
import { openSync, closeSync, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { SnapshotFileError } from './errors.ts';

/** 4 MiB: 2,000 programmes with long partner lists fit with room to spare. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type TextEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'GB 18030';

export interface FileText {
  text: string;
  encoding: TextEncoding;
}

const ACCEPTED = 'save it as UTF-8 (with or without BOM) or as GB 18030/GBK "CSV" from Excel';

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function readFileText(path: string): FileText {
  const name = basename(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new SnapshotFileError(`Cannot read ${path}: ${why}.`);
  }
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      throw new SnapshotFileError(`${name} is ${megabytes(size)}; a snapshot file may be at most 4 MB (2,000 programmes).`);
    }
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeText(bytes.subarray(0, read), name);
  } finally {
    closeSync(fd);
  }
}

/** Decodes the bytes of a snapshot file named `name`; refuses what is not text in an accepted encoding. */
export function decodeText(bytes: Uint8Array, name: string): FileText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SnapshotFileError(`${name} is saved as UTF-16 ("Unicode text"); ${ACCEPTED}.`);
  }
  let decoded: FileText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: decodeOrNull('utf-8', bytes.subarray(3)) ?? unreadable(name), encoding: 'UTF-8 with BOM' };
  } else {
    const utf8 = decodeOrNull('utf-8', bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: 'UTF-8' };
    else decoded = { text: decodeOrNull('gb18030', bytes) ?? unreadable(name), encoding: 'GB 18030' };
  }
  // A NUL never appears in a text file: this is a spreadsheet (.xlsx) or other binary renamed.
  if (decoded.text.includes('\0')) unreadable(name);
  if (decoded.text.trim() === '') throw new SnapshotFileError(`${name} is empty: it holds no header and no programmes.`);
  return decoded;
}

function decodeOrNull(encoding: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a BOM is handled above; one left further in is kept, so it is not silently lost.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function unreadable(name: string): never {
  throw new SnapshotFileError(`${name} is not a text file in an encoding this tool reads (UTF-8, UTF-8 with BOM, GB 18030/GBK); if it is an Excel workbook, ${ACCEPTED}.`);
}
