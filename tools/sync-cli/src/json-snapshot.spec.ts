import { describe, expect, it } from 'vitest';
import { jsonRows } from './json-snapshot.ts';

const row = { code: '720201', name: '护理', lengthYears: 3, annualIntake: 120, enrolled: 100, featured: true, partnerEnterprises: [{ name: '康宁养老服务有限公司', creditCode: '91330100MA27K7L8MB' }], industries: ['CARE'] };

describe('jsonRows', () => {
  it('reads the object shape with its year and intake rule', () => {
    const rows = jsonRows(JSON.stringify({ year: 2027, intakeIsCap: true, programmes: [row, { ...row, code: '740101' }] }), 'c.json');
    expect(rows.year).toBe(2027);
    expect(rows.intakeIsCap).toBe(true);
    expect(rows.programmes).toEqual([row, { ...row, code: '740101' }]);
    expect(rows.lines).toEqual([1, 2]);
  });

  it('reads a bare array of rows', () => {
    const rows = jsonRows(JSON.stringify([{ code: '710201', name: '计算机应用', lengthYears: 3, annualIntake: 160 }]), 'c.json');
    expect(rows.year).toBeUndefined();
    expect(rows.programmes).toEqual([{ code: '710201', name: '计算机应用', lengthYears: 3, annualIntake: 160, featured: false, partnerEnterprises: [] }]);
  });

  it('keeps rows of the wrong types, as null where unreadable, remembering what was written', () => {
    const rows = jsonRows(JSON.stringify([{ code: 710201, name: '计算机应用', lengthYears: '3', annualIntake: 'many', featured: 'maybe', industries: 'ELEC;LOGI' }, null]), 'c.json');
    expect(rows.programmes).toEqual([
      { code: '710201', name: '计算机应用', lengthYears: 3, annualIntake: null, featured: null, partnerEnterprises: [], industries: ['ELEC', 'LOGI'] },
      { code: '', name: '', lengthYears: null, annualIntake: null, featured: false, partnerEnterprises: [] },
    ]);
    expect(rows.raw[0]).toMatchObject({ annualIntake: 'many', featured: 'maybe' });
  });

  it('refuses invalid JSON, saying where', () => {
    expect(() => jsonRows('{ "programmes": [ { "code": "1", } ] }', 'c.json')).toThrow(/^c\.json is not valid JSON: .*position 33 \(line 1 column 34\)/);
  });

  it('refuses other shapes, an empty list and a year that is not a whole number', () => {
    expect(() => jsonRows('{ "rows": [] }', 'c.json')).toThrow(/c\.json: expected an array of programmes or an object/);
    expect(() => jsonRows('[]', 'c.json')).toThrow('c.json holds no programmes.');
    expect(() => jsonRows('{ "year": "2026", "programmes": [{}] }', 'c.json')).toThrow(/"year" must be a whole number/);
  });
});
