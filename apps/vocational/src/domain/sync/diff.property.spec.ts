import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, diffSnapshot, isEmptyDiff } from './diff.ts';
import { CATALOGUE, CREDIT_CODES, CTX } from './spec-support/fixtures.ts';
import type { SnapshotRow } from './types.ts';

const secondaryCodes = [...CATALOGUE.values()].filter((e) => e.level === 'SECONDARY').map((e) => e.code);

const validRow: fc.Arbitrary<SnapshotRow> = fc
  .record({
    code: fc.constantFrom(...secondaryCodes),
    name: fc.constantFrom('计算机应用', ' 护理 ', '物流 服务', '机械制造技术'),
    annualIntake: fc.integer({ min: 0, max: 500 }),
    applicants: fc.integer({ min: 0, max: 10_000 }),
    featured: fc.boolean(),
    partnerEnterprises: fc.array(fc.record({ name: fc.constantFrom('甲公司', '乙公司'), creditCode: fc.constantFrom(...CREDIT_CODES) }), { maxLength: 3 }),
    industries: fc.array(fc.constantFrom('EQUIP', 'ELEC', 'LOGI'), { maxLength: 3 }),
  })
  .chain((r) => fc.integer({ min: 0, max: r.annualIntake }).map((enrolled) => ({ ...r, enrolled, lengthYears: 3 })));

const snapshot = fc.array(validRow, { maxLength: 8 });

describe('sync properties', () => {
  it('syncing A then B equals syncing B from empty', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        const afterA = applyDiff([], diffSnapshot([], a, CTX));
        const viaA = applyDiff(afterA, diffSnapshot(afterA, b, CTX));
        expect(viaA).toEqual(applyDiff([], diffSnapshot([], b, CTX)));
      }),
    );
  });
  it('a snapshot diffed against its own result is all unchanged', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        const start = applyDiff([], diffSnapshot([], a, CTX));
        const result = applyDiff(start, diffSnapshot(start, b, CTX));
        const again = diffSnapshot(result, b, CTX);
        expect(isEmptyDiff(again)).toBe(true);
        expect(again.unchanged).toEqual(result.map((p) => p.code));
      }),
    );
  });
});
