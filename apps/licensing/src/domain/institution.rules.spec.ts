import { describe, expect, it } from 'vitest';
import { checkRegistration, institutionNameKey, normaliseRegistration } from './institution.rules.ts';
import type { NewInstitution } from './institution.rules.ts';

const valid: NewInstitution = {
  name: 'Riverside Primary School',
  level: 'PRIMARY',
  ownership: 'PUBLIC',
  districtCode: 'D01',
  address: null,
  creditCode: null,
  licenceNumber: null,
  sponsorCreditCode: null,
};

describe('institution registration rules', () => {
  it('accepts a complete registration', () => {
    expect(checkRegistration(valid)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = checkRegistration({ ...valid, name: 'x', districtCode: 'bad code', creditCode: '91350100M000100Y4Z' });
    expect(problems.map((p) => p.field)).toEqual(['name', 'districtCode', 'creditCode']);
  });

  it('normalises blanks and case', () => {
    const n = normaliseRegistration({ ...valid, name: '  Riverside   Primary ', address: ' ', creditCode: 'abc' });
    expect(n).toMatchObject({ name: 'Riverside Primary', address: null, creditCode: 'ABC' });
  });

  it('counts a name in characters, not UTF-16 units', () => {
    expect(checkRegistration({ ...valid, name: '𠮷'.repeat(200) })).toEqual([]);
    expect(checkRegistration({ ...valid, name: '𠮷' })[0]?.field).toBe('name');
  });

  it('gives names that differ only by case, width, NFD spelling, spacing or zero-width characters one key', () => {
    const key = institutionNameKey('Rel Valid École');
    for (const variant of ['REL VALID ÉCOLE', 'Rel\u200B Valid École', 'Rel Valid E\u0301cole', 'Ｒｅｌ  Valid École']) expect(institutionNameKey(variant)).toBe(key);
    expect(institutionNameKey('Rel Valid Ecole')).not.toBe(key);
  });
});
