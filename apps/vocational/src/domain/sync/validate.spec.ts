import { describe, expect, it } from 'vitest';
import { CREDIT_CODES, CTX, row } from './spec-support/fixtures.ts';
import { validateRow, validateSnapshot } from './validate.ts';

const at = { ...CTX, row: 4 };

describe('validateRow', () => {
  it('accepts a good row', () => {
    expect(validateRow(row(), at)).toEqual([]);
  });
  it('lists every problem with the row position, programme code and field', () => {
    const problems = validateRow(row({ name: ' ', lengthYears: 4, annualIntake: -1, enrolled: 1.5, applicants: -2 }), at);
    expect(problems.map((p) => [p.row, p.programmeCode, p.code, p.field])).toEqual([
      [4, '710201', 'INVALID_NAME', 'name'],
      [4, '710201', 'INVALID_LENGTH_YEARS', 'lengthYears'],
      [4, '710201', 'INVALID_INTAKE', 'annualIntake'],
      [4, '710201', 'INVALID_ENROLLED', 'enrolled'],
      [4, '710201', 'INVALID_APPLICANTS', 'applicants'],
    ]);
  });
  it('refuses a featured flag that is not true or false, and missing numbers', () => {
    const problems = validateRow(row({ featured: null as unknown as boolean, annualIntake: null as unknown as number }), at);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['INVALID_INTAKE', 'annualIntake must be a whole number 0–10000 (got null)'],
      ['INVALID_FEATURED', 'featured must be true or false (是/否) (got null)'],
    ]);
  });
  it('refuses control characters in names', () => {
    const problems = validateRow(row({ name: '护理\u0000', partnerEnterprises: [{ name: 'A\u202E', creditCode: CREDIT_CODES[0] }] }), at);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['INVALID_NAME', 'name must not contain control characters (found U+0000 at character 3); remove it'],
      ['INVALID_PARTNER_NAME', expect.stringMatching(/^partner name must not contain bidirectional control characters/)],
    ]);
  });
  it('refuses a non-integer intake', () => {
    expect(validateRow(row({ annualIntake: 12.5 }), at).map((p) => p.code)).toEqual(['INVALID_INTAKE']);
  });
  it('refuses enrolled above intake only when intake is a cap', () => {
    expect(validateRow(row({ enrolled: 121 }), at).map((p) => p.code)).toEqual(['ENROLLED_ABOVE_INTAKE']);
    expect(validateRow(row({ enrolled: 121 }), { ...at, intakeIsCap: false })).toEqual([]);
  });
  it('checks each partner credit code', () => {
    const problems = validateRow(row({ partnerEnterprises: [{ name: 'A', creditCode: '91320500MA1X000A09' }, { name: '', creditCode: 'short' }] }), at);
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['INVALID_CREDIT_CODE', 'partnerEnterprises[0].creditCode'],
      ['INVALID_PARTNER_NAME', 'partnerEnterprises[1].name'],
      ['INVALID_CREDIT_CODE', 'partnerEnterprises[1].creditCode'],
    ]);
  });
  it('takes lengths per level from data', () => {
    expect(validateRow(row({ lengthYears: 2 }), { ...at, lengthYears: { SECONDARY: [2, 3], ASSOCIATE: [3], BACHELOR: [4] } })).toEqual([]);
  });
  it('refuses unknown, malformed and wrong-level codes', () => {
    expect(validateRow(row({ code: '710299' }), at).map((p) => p.code)).toEqual(['UNKNOWN_CATALOGUE_CODE']);
    expect(validateRow(row({ code: '71A' }), at).map((p) => p.code)).toEqual(['INVALID_CODE']);
    expect(validateRow(row({ code: '510201' }), at).map((p) => p.code)).toEqual(['WRONG_LEVEL']);
  });
  it('accepts an out-of-catalogue code with its approval reference', () => {
    expect(validateRow(row({ code: '710299', outOfCatalogueReference: '备案2025-7' }), at)).toEqual([]);
  });
  it('checks industries only against a given list', () => {
    const problems = validateRow(row({ industries: ['C-ELEC', 'NOPE'] }), { ...at, industryCodes: new Set(['C-ELEC']) });
    expect(problems.map((p) => [p.code, p.field])).toEqual([['UNKNOWN_INDUSTRY', 'industries[1]']]);
  });
});

describe('validateSnapshot', () => {
  it('rejects the second and later rows of a code, keeping the first', () => {
    const { accepted, rejected } = validateSnapshot([row(), row({ code: '720201', name: '护理' }), row({ name: '重复' }), row({ name: '再重复' })], CTX);
    expect(accepted.map((a) => a.row)).toEqual([1, 2]);
    expect(rejected.map((r) => [r.row, r.programmeCode, r.problems.map((p) => p.code)])).toEqual([
      [3, '710201', ['DUPLICATE_CODE']],
      [4, '710201', ['DUPLICATE_CODE']],
    ]);
  });
  it('keeps good rows when others are bad', () => {
    const { accepted, rejected } = validateSnapshot([row({ annualIntake: -5 }), row({ code: '720201' })], CTX);
    expect(accepted.map((a) => a.value.code)).toEqual(['720201']);
    expect(rejected.map((r) => r.row)).toEqual([1]);
  });
});
