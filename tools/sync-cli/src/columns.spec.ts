import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns.ts';

describe('mapHeader', () => {
  it('maps English names in any case and order', () => {
    expect(mapHeader(['NAME', 'Code', 'annualintake', 'LengthYears', 'Industries'], 'c.csv', 1)).toEqual(['name', 'code', 'annualIntake', 'lengthYears', 'industries']);
  });

  it('maps the Chinese names, both names of the annual intake', () => {
    const all = ['专业代码', '专业名称', '学制', '年度招生计划', '在校生数', '报名人数', '特色专业', '合作企业', '服务产业', '目录外专业批准文号'];
    expect(mapHeader(all, 'c.csv', 1)).toEqual([
      'code', 'name', 'lengthYears', 'annualIntake', 'enrolled', 'applicants', 'featured', 'partnerEnterprises', 'industries', 'outOfCatalogueReference',
    ]);
    expect(mapHeader(['学制', '招生计划', '专业名称', '专业代码'], 'c.csv', 1)).toEqual(['lengthYears', 'annualIntake', 'name', 'code']);
  });

  it('refuses a missing required column, listing the expected columns', () => {
    expect(() => mapHeader(['code', 'name', 'lengthYears'], 'c.csv', 1)).toThrow(
      /^c\.csv line 1, the header row: missing required column annualIntake \(年度招生计划\)\.\nExpected columns, in any order \(\* required\): code \(专业代码\) \*, .*outOfCatalogueReference \(目录外专业批准文号\)\.$/,
    );
  });

  it('refuses unknown and unnamed columns', () => {
    expect(() => mapHeader(['code', 'name', 'lengthYears', 'annualIntake', '备注'], 'c.csv', 3)).toThrow(/c\.csv line 3, the header row: unknown column "备注"\./);
    expect(() => mapHeader(['code', 'name', 'lengthYears', 'annualIntake', ''], 'c.csv', 1)).toThrow(/column 5 has no name/);
  });

  it('refuses a column given twice, also under its other name', () => {
    expect(() => mapHeader(['code', 'name', 'lengthYears', 'annualIntake', '招生计划'], 'c.csv', 1)).toThrow(/column "招生计划" repeats "annualIntake" \(annualIntake\)/);
    expect(() => mapHeader(['code', 'CODE', 'name', 'lengthYears', 'annualIntake'], 'c.csv', 1)).toThrow(/column "CODE" repeats "code"/);
  });
});
