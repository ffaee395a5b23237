import { describe, expect, it } from 'vitest';
import { canonicalRow, canonicalSnapshot, normaliseRow } from './canonical.ts';
import { CREDIT_CODES, row } from './spec-support/fixtures.ts';

const partners = [
  { name: ' 乙公司 ', creditCode: CREDIT_CODES[1].toLowerCase() },
  { name: '甲公司', creditCode: CREDIT_CODES[0] },
];

describe('canonical forms', () => {
  it('normalises names, sorts and dedupes arrays, nulls a blank reference', () => {
    const p = normaliseRow(row({ name: ' 计算机  应用 ', industries: ['B', 'A', 'B'], partnerEnterprises: [...partners, partners[1]!], outOfCatalogueReference: ' ' }));
    expect(p.name).toBe('计算机 应用');
    expect(p.industries).toEqual(['A', 'B']);
    expect(p.partnerEnterprises).toEqual([{ name: '甲公司', creditCode: CREDIT_CODES[0] }, { name: '乙公司', creditCode: CREDIT_CODES[1] }]);
    expect(p.outOfCatalogueReference).toBeNull();
  });
  it('gives one string whatever the key or array order', () => {
    const a = row({ industries: ['B', 'A'], partnerEnterprises: partners });
    const b = { ...row({ industries: ['A', 'B'], partnerEnterprises: [...partners].reverse() }) };
    const reordered = Object.fromEntries(Object.entries(b).reverse()) as typeof b;
    expect(canonicalRow(a)).toBe(canonicalRow(reordered));
    expect(canonicalRow(a)).toMatch(/^\{"annualIntake":120,"applicants":150,"code":"710201",/);
  });
  it('sorts rows by code but keeps the order of duplicates', () => {
    const x = row({ code: '720201' });
    const first = row({ name: '第一' });
    const second = row({ name: '第二' });
    expect(canonicalSnapshot([x, first, second])).toBe(canonicalSnapshot([first, x, second]));
    expect(canonicalSnapshot([x, first, second])).not.toBe(canonicalSnapshot([x, second, first]));
  });
});
