import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyError, addFen, fen, formatYuan, multiplyFen, splitFen, subtractFen, sumFen, yuan } from './money.ts';
import type { Fen } from './money.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof MoneyError ? error.code : String(error);
  }
  return 'no error';
};

describe('yuan and fen', () => {
  it.each([
    [200, 20_000],
    [12.34, 1234],
    [0.29, 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['12.5', 1250],
    ['-3.07', -307],
    [-0, 0],
  ])('yuan(%s) is %i fen', (input, expected) => {
    expect(yuan(input)).toBe(expected);
  });

  it.each([0.1 + 0.2, 1.005, Number.NaN, Number.POSITIVE_INFINITY, 1e-7, '1.234', '1,000', ''])('yuan(%s) is refused', (input) => {
    expect(code(() => yuan(input))).toBe('NOT_EXACT_CENTS');
  });

  it('refuses amounts beyond Number.MAX_SAFE_INTEGER fen', () => {
    expect(code(() => yuan(Number.MAX_SAFE_INTEGER))).toBe('NOT_SAFE_INTEGER');
    expect(yuan('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(code(() => yuan('90071992547409.92'))).toBe('NOT_SAFE_INTEGER');
    expect(code(() => fen(2 ** 53))).toBe('NOT_SAFE_INTEGER');
    expect(code(() => fen(1.5))).toBe('NOT_SAFE_INTEGER');
  });
});

describe('arithmetic', () => {
  it('totals 200 yuan for each of 1,234,567 children exactly', () => {
    const perChild = yuan(200);
    const expected = 24_691_340_000 as Fen; // 246,913,400 yuan
    expect(multiplyFen(perChild, 1_234_567)).toBe(expected);
    expect(sumFen(new Array<Fen>(1_234_567).fill(perChild))).toBe(expected);
    expect(formatYuan(expected)).toBe('¥246,913,400.00');
  });

  it('adds ten 0.10 yuan to exactly 1 yuan, where floating point does not', () => {
    expect(sumFen(new Array<Fen>(10).fill(yuan(0.1)))).toBe(yuan(1));
  });

  it('throws instead of overflowing', () => {
    const max = fen(Number.MAX_SAFE_INTEGER);
    expect(code(() => multiplyFen(max, 2))).toBe('NOT_SAFE_INTEGER');
    expect(code(() => addFen(max, fen(1)))).toBe('NOT_SAFE_INTEGER');
    expect(code(() => subtractFen(fen(-Number.MAX_SAFE_INTEGER), fen(1)))).toBe('NOT_SAFE_INTEGER');
    expect(code(() => sumFen([max, fen(1)]))).toBe('NOT_SAFE_INTEGER');
    expect(code(() => multiplyFen(fen(100), 1.5))).toBe('INVALID_ARGUMENT');
  });
});

describe('splitFen', () => {
  it('gives the leftover fen to the earliest parts on a tie', () => {
    expect(splitFen(fen(100), 3)).toEqual([34, 33, 33]);
    expect(splitFen(fen(-100), 3)).toEqual([-34, -33, -33]);
  });

  it('gives the leftover fen to the largest remainders when splitting by weight', () => {
    // Quotas 100·1/6 = 16.67, 100·2/6 = 33.33, 100·3/6 = 50: the one leftover fen goes to 16.67.
    expect(splitFen(fen(100), [1, 2, 3])).toEqual([17, 33, 50]);
    expect(splitFen(fen(100), [0, 1])).toEqual([0, 100]);
  });

  it('always adds up to the total, each part within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitFen(fen(total), weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const weightSum = weights.reduce((s, w) => s + w, 0);
          parts.forEach((part, i) => expect(Math.abs(part - (total * (weights[i] ?? 0)) / weightSum)).toBeLessThan(1 + 1e-6));
        },
      ),
    );
  });

  it('refuses impossible splits', () => {
    expect(code(() => splitFen(fen(100), 0))).toBe('INVALID_ARGUMENT');
    expect(code(() => splitFen(fen(100), [0, 0]))).toBe('INVALID_ARGUMENT');
    expect(code(() => splitFen(fen(100), [1, -1]))).toBe('INVALID_ARGUMENT');
    expect(code(() => splitFen(fen(100), [0.5, 0.5]))).toBe('INVALID_ARGUMENT');
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [123_456, '¥1,234.56'],
    [-123_456, '-¥1,234.56'],
    [-5, '-¥0.05'],
    [100_000_000_00, '¥100,000,000.00'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('formats %i fen as %s', (amount, text) => {
    expect(formatYuan(fen(amount))).toBe(text);
  });
});
