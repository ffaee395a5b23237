import { describe, expect, it } from 'vitest';
import { canonicalRow } from './canonical.ts';
import { applyDiff, diffSnapshot, isEmptyDiff } from './diff.ts';
import { CTX, row } from './spec-support/fixtures.ts';

const base = [row(), row({ code: '720201', name: '护理' }), row({ code: '660101', name: '机械制造技术' })];
const current = applyDiff([], diffSnapshot([], base, CTX));

describe('diffSnapshot', () => {
  it('adds everything to an empty catalogue', () => {
    const diff = diffSnapshot([], base, CTX);
    expect(diff.added.map((p) => p.code)).toEqual(['660101', '710201', '720201']);
    expect(current.map((p) => p.code)).toEqual(['660101', '710201', '720201']);
  });
  it('reports added, changed with fields, retired and unchanged', () => {
    const diff = diffSnapshot(current, [row({ annualIntake: 150, featured: true }), row({ code: '720201', name: '护理' }), row({ code: '700601', name: '物流服务与管理' })], CTX);
    expect(diff.added.map((p) => p.code)).toEqual(['700601']);
    expect(diff.changed.map((c) => [c.code, c.fields])).toEqual([['710201', ['annualIntake', 'featured']]]);
    expect(diff.retired.map((p) => p.code)).toEqual(['660101']);
    expect(diff.unchanged).toEqual(['720201']);
    expect(diff.rejected).toEqual([]);
  });
  it('is idempotent: the same snapshot twice changes nothing', () => {
    const diff = diffSnapshot(current, base, CTX);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.unchanged).toEqual(['660101', '710201', '720201']);
  });
  it('keeps a current programme whose row is rejected, and retires nothing for it', () => {
    const diff = diffSnapshot(current, [row({ annualIntake: -1 }), base[1]!, base[2]!], CTX);
    expect(diff.retired).toEqual([]);
    expect(diff.kept).toEqual(['710201']);
    expect(diff.rejected.map((r) => [r.row, r.programmeCode])).toEqual([[1, '710201']]);
    expect(applyDiff(current, diff)).toEqual(current);
  });
  it('does not count a cosmetic difference (order, spacing) as a change', () => {
    const diff = diffSnapshot(current, [row({ name: ' 计算机应用 ' }), base[1]!, base[2]!], CTX);
    expect(diff.changed).toEqual([]);
  });
  it('applies changes and keeps the result in canonical form', () => {
    const next = applyDiff(current, diffSnapshot(current, [row({ industries: ['Z', 'A'] })], CTX));
    expect(next).toHaveLength(1);
    expect(canonicalRow(next[0]!)).toBe(canonicalRow(row({ industries: ['A', 'Z'] })));
  });
});
