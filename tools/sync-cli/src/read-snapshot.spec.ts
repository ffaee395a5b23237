import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshotFile } from './read-snapshot.ts';
import { currentYearInShanghai } from './year.ts';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sync-cli-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readSnapshotFile', () => {
  it('reads the same snapshot from the UTF-8, BOM, GB 18030 and JSON samples', () => {
    const utf8 = readSnapshotFile(join(SAMPLES, 'catalogue-2026.csv'), { year: 2026 });
    expect(utf8.encoding).toBe('UTF-8');
    expect(utf8.snapshot.programmes.map((p) => p.code)).toEqual(['660301', '700206', '710201', '720201', '740101', '740201']);
    const gb = readSnapshotFile(join(SAMPLES, 'catalogue-2026-gb18030.csv'), { year: 2026 });
    expect(gb.encoding).toBe('GB 18030');
    expect(gb.snapshot).toEqual(utf8.snapshot);
    const bom = readSnapshotFile(join(SAMPLES, 'catalogue-2026-bom.csv'), { year: 2026 });
    expect(bom.encoding).toBe('UTF-8 with BOM');
    expect(bom.snapshot).toEqual(utf8.snapshot);
    const json = readSnapshotFile(join(SAMPLES, 'catalogue-2026.json'));
    expect(json.format).toBe('JSON');
    expect(json.snapshot).toEqual(utf8.snapshot);
  });

  it('maps rows to lines and fields to the text of the file', () => {
    const mixed = readSnapshotFile(join(SAMPLES, 'catalogue-2026-mixed.csv'));
    // The first row's partners cell spans lines 2 and 3.
    expect([1, 2, 3].map(mixed.lineOfRow)).toEqual([2, 4, 5]);
    const row = mixed.snapshot.programmes.findIndex((p) => p.annualIntake === 12.5) + 1;
    expect(mixed.rawOf(row, 'annualIntake')).toBe('12.5');
    const bad = mixed.snapshot.programmes.findIndex((p) => p.code === '730301') + 1;
    expect(mixed.rawOf(bad, 'partnerEnterprises[0].creditCode')).toBe('城关会计服务有限公司|91330100MA27XXXXXX');
    expect(mixed.rawOf(bad, 'partnerEnterprises')).toBe('城关会计服务有限公司|91330100MA27XXXXXX');
    expect(mixed.rawOf(1, 'industries[0]')).toBe('EQUIP');
    expect(mixed.rawOf(99, 'code')).toBeUndefined();
  });

  it('takes the year from the option, else the JSON file, else the current year in Asia/Shanghai', () => {
    const json = join(dir, 'y.json');
    writeFileSync(json, JSON.stringify({ year: 2030, intakeIsCap: true, programmes: [{ code: '720201', name: '护理', lengthYears: 3, annualIntake: 1 }] }));
    expect(readSnapshotFile(json).snapshot).toMatchObject({ year: 2030, intakeIsCap: true });
    expect(readSnapshotFile(json, { year: 2031, intakeIsCap: false }).snapshot).toMatchObject({ year: 2031, intakeIsCap: false });
    expect(readSnapshotFile(join(SAMPLES, 'catalogue-2026.csv')).snapshot).toMatchObject({ year: currentYearInShanghai(), intakeIsCap: false });
    expect(readSnapshotFile(join(SAMPLES, 'catalogue-2026.csv'), { intakeIsCap: true }).snapshot.intakeIsCap).toBe(true);
  });

  it('refuses more than 2,000 rows before anything is sent', () => {
    const lines = ['code,name,lengthYears,annualIntake', ...Array.from({ length: 2001 }, (_, i) => `${700000 + i},专业${i},3,10`)];
    const big = join(dir, 'big.csv');
    writeFileSync(big, lines.join('\n'));
    expect(() => readSnapshotFile(big)).toThrow('big.csv has 2,001 programme rows; a snapshot may hold at most 2,000');
    writeFileSync(big, lines.slice(0, 2001).join('\n'));
    expect(readSnapshotFile(big).snapshot.programmes).toHaveLength(2000);
  });

  it('refuses the sample with a missing required column', () => {
    expect(() => readSnapshotFile(join(SAMPLES, 'catalogue-bad-header.csv'))).toThrow(/catalogue-bad-header\.csv line 1, the header row: missing required column annualIntake/);
  });
});

describe('currentYearInShanghai', () => {
  it('is already the next year in Shanghai on New Year\'s Eve evening in UTC', () => {
    expect(currentYearInShanghai(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(currentYearInShanghai(new Date('2026-12-31T15:59:00Z'))).toBe(2026);
  });
});
