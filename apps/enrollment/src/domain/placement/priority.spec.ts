import { describe, expect, it } from 'vitest';
import { compileTierOf } from './priority.ts';
import { owner, renter } from './spec-support/builders.ts';

describe('compileTierOf', () => {
  const tierOf = compileTierOf([
    { kind: 'tenure', order: ['OWNER', 'RENTER'] },
    { kind: 'residenceMonths', atLeastMonths: [36, 12] },
  ]);

  it('numbers the criteria combinations lexicographically, 1 first', () => {
    // tenure has 3 levels (OWNER, RENTER, unlisted), residence 3 bands (36+, 12–35, <12).
    expect(tierOf(owner('a', 'D', { residenceMonths: 36 }))).toBe(1);
    expect(tierOf(owner('b', 'D', { residenceMonths: 35 }))).toBe(2);
    expect(tierOf(owner('c', 'D', { residenceMonths: 0 }))).toBe(3);
    expect(tierOf(renter('d', 'D', { residenceMonths: 100 }))).toBe(4);
    expect(tierOf(renter('e', 'D', { residenceMonths: 12 }))).toBe(5);
    expect(tierOf(renter('f', 'D', { residenceMonths: 11 }))).toBe(6);
  });

  it('puts values a criterion does not list after all listed ones', () => {
    const rentersFirst = compileTierOf([{ kind: 'tenure', order: ['RENTER'] }]);
    expect(rentersFirst(renter('r', 'D'))).toBe(1);
    expect(rentersFirst(owner('o', 'D'))).toBe(2);
  });

  it('reads attributes, missing ones last', () => {
    const siblings = compileTierOf([{ kind: 'attribute', name: 'sibling', order: [true, false] }]);
    expect(siblings(owner('a', 'D', { attributes: { sibling: true } }))).toBe(1);
    expect(siblings(owner('b', 'D', { attributes: { sibling: false } }))).toBe(2);
    expect(siblings(owner('c', 'D'))).toBe(3);
  });

  it('with no criteria everyone shares tier 1 and only the lottery decides', () => {
    expect(compileTierOf([])(renter('x', 'D'))).toBe(1);
  });

  it('refuses bands that are not from longest to shortest, and repeated values', () => {
    expect(() => compileTierOf([{ kind: 'residenceMonths', atLeastMonths: [12, 36] }])).toThrow(/decreasing/);
    expect(() => compileTierOf([{ kind: 'tenure', order: ['OWNER', 'OWNER'] }])).toThrow(/twice/);
    const manyBands = { kind: 'residenceMonths' as const, atLeastMonths: Array.from({ length: 99 }, (_, k) => 100 - k) };
    expect(() => compileTierOf([manyBands, manyBands, manyBands, manyBands, manyBands])).toThrow(/overflow/);
  });
});
