import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from './csv-records.ts';

describe('parseCsvRecords', () => {
  it('gives each record the line it starts on, when quoted cells span lines (their line ends read as \\n)', () => {
    const text = 'code,name,partners\n710201,计算机应用,"甲公司|A;\n乙公司|B"\n720201,护理,"x\r\n\r\ny"\n740101,"旅游, 服务",z\n';
    expect(parseCsvRecords(text, 'c.csv')).toEqual([
      { cells: ['code', 'name', 'partners'], line: 1 },
      { cells: ['710201', '计算机应用', '甲公司|A;\n乙公司|B'], line: 2 },
      { cells: ['720201', '护理', 'x\n\ny'], line: 4 },
      { cells: ['740101', '旅游, 服务', 'z'], line: 7 },
    ]);
  });

  it('reads CRLF and CR line ends, "" as a quote, and trims cells', () => {
    expect(parseCsvRecords('a , b\r\n" 1 ", "say ""hi"""\r2,3', 'c.csv')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', 'say "hi"'], line: 2 },
      { cells: ['2', '3'], line: 3 },
    ]);
  });

  it('skips empty lines and lines of empty cells, counting them', () => {
    expect(parseCsvRecords('a,b\n\n,\n  ,  \n1,2\n\n', 'c.csv')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', '2'], line: 5 },
    ]);
  });

  it('refuses a record with another number of cells than the header, naming its line', () => {
    expect(() => parseCsvRecords('a,b,c\n1,2,3\n\n4,5\n', 'c.csv')).toThrow('c.csv line 4: 2 cells where the header (line 1) has 3; a cell holding a comma must be quoted.');
    expect(() => parseCsvRecords('a,b\n"1\n2",3,4\n', 'c.csv')).toThrow(/^c\.csv line 2: 3 cells/);
  });

  it('refuses a quote never closed and text after a closing quote', () => {
    expect(() => parseCsvRecords('a,b\n1,"open\n2,3\n', 'c.csv')).toThrow('c.csv line 2: a quoted cell is never closed (a " is missing).');
    expect(() => parseCsvRecords('a,b\n1,"x"y\n', 'c.csv')).toThrow(/c\.csv line 2: unexpected text after the closing quote of a cell/);
  });
});
