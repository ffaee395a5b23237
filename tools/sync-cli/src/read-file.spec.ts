import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SnapshotFileError } from './errors.ts';
import { decodeText, MAX_FILE_BYTES, readFileText } from './read-file.ts';

// "专业代码,名称㐀\n" as GB 18030 (㐀 is one of GB 18030's four-byte characters, beyond GBK).
const GB18030 = Buffer.from([215, 168, 210, 181, 180, 250, 194, 235, 44, 195, 251, 179, 198, 129, 57, 238, 57, 10]);

const dir = mkdtempSync(join(tmpdir(), 'sync-cli-read-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('readFileText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(readFileText(file('plain.csv', '专业代码,名称\n'))).toEqual({ text: '专业代码,名称\n', encoding: 'UTF-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('code,name\n')]);
    expect(readFileText(file('bom.csv', bytes))).toEqual({ text: 'code,name\n', encoding: 'UTF-8 with BOM' });
  });

  it('reads GB 18030 bytes, four-byte characters included', () => {
    expect(readFileText(file('gb.csv', GB18030))).toEqual({ text: '专业代码,名称㐀\n', encoding: 'GB 18030' });
  });

  it('refuses UTF-16 (either byte order), asking for UTF-8 or GB 18030', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code,name\n', 'utf16le')]);
    expect(() => readFileText(file('le.csv', le))).toThrow(/le\.csv is saved as UTF-16.*UTF-8.*GB 18030/);
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x63]);
    expect(() => readFileText(file('be.csv', be))).toThrow(SnapshotFileError);
  });

  it('refuses binary files (an Excel workbook renamed) and bytes no accepted encoding reads', () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(() => readFileText(file('book.csv', xlsx))).toThrow(/book\.csv is not a text file.*UTF-8, UTF-8 with BOM, GB 18030/);
    expect(() => readFileText(file('bad.csv', Buffer.from([0x41, 0xff, 0x41, 0x0a])))).toThrow(/bad\.csv is not a text file/);
  });

  it('refuses an empty file: no bytes, only a BOM, only blank lines', () => {
    expect(() => readFileText(file('empty.csv', ''))).toThrow(/empty\.csv is empty/);
    expect(() => readFileText(file('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf])))).toThrow(/bom-only\.csv is empty/);
    expect(() => readFileText(file('blank.csv', ' \r\n\n\t\n'))).toThrow(/blank\.csv is empty/);
  });

  it('refuses a file over 4 MiB from its size, before reading it', () => {
    const path = file('huge.csv', '');
    truncateSync(path, 20 * 1024 * 1024); // sparse: nothing is written
    expect(() => readFileText(path)).toThrow('huge.csv is 20.0 MB; a snapshot file may be at most 4 MB (2,000 programmes).');
    const edge = file('edge.csv', '');
    truncateSync(edge, MAX_FILE_BYTES + 1);
    expect(() => readFileText(edge)).toThrow(/at most 4 MB/);
  });

  it('says so when the file does not exist', () => {
    expect(() => readFileText(join(dir, 'missing.csv'))).toThrow(/Cannot read .*missing\.csv: no such file/);
  });
});

describe('decodeText', () => {
  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeText(Buffer.from('护理'), 'x.csv').encoding).toBe('UTF-8');
  });
});
