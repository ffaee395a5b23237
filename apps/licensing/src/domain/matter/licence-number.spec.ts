import { describe, expect, it } from 'vitest';
import { licenceNumber, parseLicenceNumber } from './licence-number.ts';
import type { LicenceNumberParts } from './licence-number.ts';

const parts: LicenceNumberParts = { areaCode: '320102', level: 'PRIMARY', year: 2026, sequence: 7 };

describe('licence number 教民 + area(6) + level(1) + year(4) + sequence(4)', () => {
  it('formats deterministically', () => {
    expect(licenceNumber(parts)).toEqual({ ok: true, value: '教民320102220260007' });
    expect(licenceNumber(parts)).toEqual(licenceNumber(parts));
  });
  it('is unique per sequence', () => {
    const numbers = new Set(Array.from({ length: 9999 }, (_, i) => {
      const r = licenceNumber({ ...parts, sequence: i + 1 });
      return r.ok ? r.value : '';
    }));
    expect(numbers.size).toBe(9999);
  });
  it('round-trips through the parser', () => {
    expect(parseLicenceNumber('教民320102220260007')).toEqual({ ok: true, value: parts });
    expect(parseLicenceNumber('教民32010272026000')).toMatchObject({ error: { code: 'INVALID_FORMAT' } });
    expect(parseLicenceNumber('教民320102920260007')).toMatchObject({ error: { code: 'INVALID_FORMAT' } });
  });
  it.each([
    ['INVALID_AREA', { areaCode: '32010' }],
    ['INVALID_AREA', { areaCode: '020102' }],
    ['INVALID_LEVEL', { level: 'UNIVERSITY' }],
    ['INVALID_YEAR', { year: 26 }],
    ['INVALID_SEQUENCE', { sequence: 0 }],
    ['INVALID_SEQUENCE', { sequence: 10000 }],
  ] as const)('refuses with %s: %o', (expected, change) => {
    expect(licenceNumber({ ...parts, ...change } as LicenceNumberParts)).toMatchObject({ ok: false, error: { code: expected } });
  });
});
