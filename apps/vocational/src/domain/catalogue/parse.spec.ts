import { describe, expect, it } from 'vitest';
import { parseCatalogueRows, splitCsvLine } from './parse.ts';

describe('parseCatalogueRows', () => {
  it('loads good rows in any column order, with Chinese level names', () => {
    const text = '\uFEFFname,code,category,level\r\n计算机应用,710201,71,中职\n"软件技术, 云方向",510203,51,ASSOCIATE\n\n';
    expect(parseCatalogueRows(text)).toEqual({
      entries: [
        { code: '710201', name: '计算机应用', level: 'SECONDARY', category: '71' },
        { code: '510203', name: '软件技术, 云方向', level: 'ASSOCIATE', category: '51' },
      ],
      problems: [],
    });
  });
  it('reports every problem of each bad row and keeps the good ones', () => {
    const text = ['code,name,level,category', '710201,计算机应用,SECONDARY,71', '7102,,X,71', '510201,计算机应用技术,SECONDARY,52', '710201,重复,SECONDARY,71'].join('\n');
    const { entries, problems } = parseCatalogueRows(text);
    expect(entries.map((e) => e.code)).toEqual(['710201']);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'code'], [3, 'name'], [3, 'level'],
      [4, 'level'], [4, 'category'],
      [5, 'code'],
    ]);
  });
  it('refuses a header without the four columns', () => {
    expect(parseCatalogueRows('code,name\n710201,x')).toMatchObject({ entries: [], problems: [{ line: 1, field: 'header' }] });
  });
  it('splits quoted fields', () => {
    expect(splitCsvLine('a,"b ""c"", d", e ')).toEqual(['a', 'b "c", d', 'e']);
  });
});
