import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-snapshot.ts';

const HEADER = 'code,name,lengthYears,annualIntake,enrolled,applicants,featured,partnerEnterprises,industries,outOfCatalogueReference';

describe('csvRows', () => {
  it('converts every cell and keeps the text of each', () => {
    const rows = csvRows(`${HEADER}\n710201,计算机应用,3,160,152,,是,市数智科技有限公司|91330100MA27G5H6J9,ELEC LOGI,\n`, 'c.csv');
    expect(rows.programmes).toEqual([
      {
        code: '710201',
        name: '计算机应用',
        lengthYears: 3,
        annualIntake: 160,
        enrolled: 152,
        featured: true,
        partnerEnterprises: [{ name: '市数智科技有限公司', creditCode: '91330100MA27G5H6J9' }],
        industries: ['ELEC', 'LOGI'],
      },
    ]);
    expect(rows.lines).toEqual([2]);
    expect(rows.raw[0]).toMatchObject({ code: '710201', applicants: '', featured: '是', industries: 'ELEC LOGI' });
  });

  it('never drops a bad row: unreadable values go as null, for the server to refuse that row', () => {
    const rows = csvRows(`${HEADER}\n,,三年,12.5,很多,-1,maybe,无代码公司,,\n730301,会计事务,3,50,,,,,,教职成函〔2026〕5号\n`, 'c.csv');
    expect(rows.programmes).toEqual([
      { code: '', name: '', lengthYears: null, annualIntake: 12.5, enrolled: null, applicants: -1, featured: null, partnerEnterprises: [{ name: '无代码公司', creditCode: '' }], industries: [] },
      { code: '730301', name: '会计事务', lengthYears: 3, annualIntake: 50, featured: false, partnerEnterprises: [], industries: [], outOfCatalogueReference: '教职成函〔2026〕5号' },
    ]);
    expect(rows.raw[0]).toMatchObject({ lengthYears: '三年', enrolled: '很多', featured: 'maybe' });
  });

  it('leaves industries out when the file has no such column (the alignment is kept)', () => {
    const rows = csvRows('专业代码,专业名称,学制,招生计划\n720201,护理,3,120\n', 'c.csv');
    expect(rows.programmes[0]).toEqual({ code: '720201', name: '护理', lengthYears: 3, annualIntake: 120, featured: false, partnerEnterprises: [] });
    expect('industries' in rows.programmes[0]!).toBe(false);
  });

  it('numbers rows by the line they start on', () => {
    const rows = csvRows(`${HEADER}\n\n660301,机电技术应用,3,200,,,,"甲|A;\n乙|B",,\n700206,汽车运用与维修,3,120,,,,,,\n`, 'c.csv');
    expect(rows.lines).toEqual([3, 5]);
    expect(rows.programmes[0]!.partnerEnterprises).toEqual([{ name: '甲', creditCode: 'A' }, { name: '乙', creditCode: 'B' }]);
  });

  it('refuses a header without rows', () => {
    expect(() => csvRows(`${HEADER}\n\n`, 'c.csv')).toThrow('c.csv has a header (line 1) but no programme rows.');
  });
});
