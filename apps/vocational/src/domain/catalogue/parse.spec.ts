import { describe, expect, it } from 'vitest';
import { checkCatalogueEntries, parseCatalogueRecords } from './parse.ts';

const records = (...rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));

describe('parseCatalogueRecords', () => {
  it('loads good rows in any column order, with Chinese level names and a full-width code', () => {
    const parsed = parseCatalogueRecords(records(['\uFEFFname', 'code', 'category', 'level'], ['计算机应用', '710201', '71', '中职'], ['软件技术, 云方向', '５１０２０３', '51', 'ASSOCIATE'], ['', '', '', '']));
    expect(parsed).toEqual({
      entries: [
        { code: '710201', name: '计算机应用', level: 'SECONDARY', category: '71' },
        { code: '510203', name: '软件技术, 云方向', level: 'ASSOCIATE', category: '51' },
      ],
      problems: [],
    });
  });
  it('reports every problem of each bad row and keeps the good ones', () => {
    const { entries, problems } = parseCatalogueRecords(
      records(['code', 'name', 'level', 'category'], ['710201', '计算机应用', 'SECONDARY', '71'], ['7102', '', 'X', '71'], ['510201', '计算机应用技术', 'SECONDARY', '52'], ['710201', '重复', 'SECONDARY', '71']),
    );
    expect(entries.map((e) => e.code)).toEqual(['710201']);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'code'], [3, 'name'], [3, 'level'],
      [4, 'level'], [4, 'category'],
      [5, 'code'],
    ]);
  });
  it('refuses a header without the four columns', () => {
    expect(parseCatalogueRecords(records(['code', 'name'], ['710201', 'x']))).toMatchObject({ entries: [], problems: [{ line: 1, field: 'header' }] });
  });
  it('refuses control characters in names', () => {
    const { problems } = checkCatalogueEntries([{ line: 1, raw: { code: '710201', name: '计算机\u0007应用', level: 'SECONDARY', category: '71' } }]);
    expect(problems).toEqual([{ line: 1, field: 'name', message: 'name must not contain control characters (found U+0007 at character 4); remove it' }]);
  });
});
