import { describe, expect, it } from 'vitest';
import { handleCase, openCase } from './case.ts';
import type { CaseCommand, CaseInput, UnlicensedCase } from './case-types.ts';
import { caseProgress, divertChildren } from './divert.ts';
import { DEFAULT_UNLICENSED_POLICY as POLICY } from './policy.ts';

const input: CaseInput = { name: '小树苗看护点', address: '城南路12号', districtCode: 'D1', children: 30, hazards: [{ description: '消防通道堵塞', serious: false }] };

function must(r: ReturnType<typeof openCase>): UnlicensedCase {
  if (!r.ok) throw new Error(r.error.code);
  return r.value.state;
}
const run = (c: UnlicensedCase, ...commands: CaseCommand[]) => commands.reduce((x, cmd) => must(handleCase(x, cmd)), c);
const code = (r: ReturnType<typeof openCase>) => (r.ok ? 'OK' : r.error.code);

const opened = must(openCase('C1', input));
const rectifying = run(opened, { type: 'assess', licenceBasis: true, on: '2026-09-01' }, { type: 'orderRectification', dueOn: '2026-12-01', items: ['疏通消防通道'], on: '2026-09-02' });

describe('unlicensed kindergarten case', () => {
  it('closes on serious hazards or without licence basis, rectifies otherwise', () => {
    expect(run(must(openCase('C2', { ...input, hazards: [{ description: '危房', serious: true }] })), { type: 'assess', licenceBasis: true, on: '2026-09-01' }))
      .toMatchObject({ state: 'CLOSING', closingReason: 'SERIOUS_HAZARDS' });
    expect(run(opened, { type: 'assess', licenceBasis: false, on: '2026-09-01' })).toMatchObject({ state: 'CLOSING', closingReason: 'NO_LICENCE_BASIS' });
    expect(code(handleCase(opened, { type: 'orderRectification', dueOn: '2026-12-01', items: ['x'], on: '2026-09-02' }))).toBe('NOT_RECTIFIABLE');
    expect(rectifying.state).toBe('RECTIFYING');
    expect(code(openCase('C3', { ...input, children: -1 }))).toBe('INVALID_CASE');
  });

  it('passes re-inspection, asks licensing to license, becomes LICENSED on licence.issued', () => {
    const r = handleCase(rectifying, { type: 'reinspect', passed: true, findings: [], on: '2026-11-20' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.events[0]).toEqual({
      type: 'preschool.case.passed',
      payload: { caseId: 'C1', name: '小树苗看护点', address: '城南路12号', districtCode: 'D1', children: 30, inspectedOn: '2026-11-20' },
    });
    const licensed = run(r.value.state, { type: 'licenceIssued', licenceNumber: '教民1234号', institutionId: 'I-9', on: '2026-12-10' });
    expect(licensed.state).toBe('LICENSED');
    expect(code(handleCase(licensed, { type: 'close', on: '2026-12-11' }))).toBe('INVALID_TRANSITION');
  });

  it('closes a failed or overdue rectification; a closed case cannot be re-inspected', () => {
    expect(code(handleCase(rectifying, { type: 'reinspect', passed: false, findings: [], on: '2026-11-20' }))).toBe('FINDINGS_REQUIRED');
    const failed = run(rectifying, { type: 'reinspect', passed: false, findings: ['通道仍堵塞'], on: '2026-11-20' });
    expect(failed).toMatchObject({ state: 'CLOSING', closingReason: 'FAILED_REINSPECTION' });
    expect(run(rectifying, { type: 'reinspect', passed: true, findings: [], on: '2026-12-02' }).closingReason).toBe('OVERDUE');
    expect(code(handleCase(rectifying, { type: 'closeOverdue', on: '2026-12-01' }))).toBe('NOT_OVERDUE');
    expect(run(rectifying, { type: 'closeOverdue', on: '2026-12-02' }).closingReason).toBe('OVERDUE');
    expect(code(handleCase(failed, { type: 'reinspect', passed: true, findings: [], on: '2026-11-21' }))).toBe('CASE_CLOSED');
  });

  it('closes only when every child is re-placed, never into a full kindergarten', () => {
    const closingCase = run(rectifying, { type: 'closeOverdue', on: '2026-12-02' });
    const place = (placements: { kindergartenId: string; children: number }[], freePlaces: Record<string, number>): CaseCommand => ({ type: 'confirmPlacements', placements, freePlaces, on: '2026-12-03' });
    expect(code(handleCase(closingCase, place([{ kindergartenId: 'K1', children: 11 }], { K1: 10 })))).toBe('KINDERGARTEN_FULL');
    expect(code(handleCase(closingCase, place([{ kindergartenId: 'K1', children: 31 }], { K1: 40 })))).toBe('TOO_MANY_PLACED');
    const part = run(closingCase, place([{ kindergartenId: 'K1', children: 20 }], { K1: 20 }));
    expect(caseProgress(part, '2026-12-03', POLICY)).toMatchObject({ children: 30, replaced: 20, waiting: 10 });
    expect(code(handleCase(part, { type: 'close', on: '2026-12-04' }))).toBe('CHILDREN_WAITING');
    const closed = run(part, place([{ kindergartenId: 'K2', children: 10 }], { K2: 12 }), { type: 'close', on: '2026-12-05' });
    expect(closed.state).toBe('CLOSED');
    expect(code(handleCase(closed, { type: 'reinspect', passed: true, findings: [], on: '2026-12-06' }))).toBe('CASE_CLOSED');
    expect(code(handleCase(closed, { type: 'assess', licenceBasis: true, on: '2026-12-06' }))).toBe('INVALID_TRANSITION');
  });

  it('proposes placements nearest first, own district first, skipping full kindergartens', () => {
    const d = divertChildren(opened, [
      { kindergartenId: 'FAR_HOME', districtCode: 'D1', distanceMetres: 4000, freePlaces: 8 },
      { kindergartenId: 'NEAR_OTHER', districtCode: 'D2', distanceMetres: 300, freePlaces: 50 },
      { kindergartenId: 'FULL', districtCode: 'D1', distanceMetres: 100, freePlaces: 0 },
      { kindergartenId: 'NEAR_HOME', districtCode: 'D1', distanceMetres: 900, freePlaces: 15 },
    ]);
    expect(d.proposals.map((p) => [p.kindergartenId, p.children])).toEqual([['NEAR_HOME', 15], ['FAR_HOME', 8], ['NEAR_OTHER', 7]]);
    expect(d.unplaced).toBe(0);
    expect(divertChildren(opened, [{ kindergartenId: 'K', districtCode: 'D1', distanceMetres: 1, freePlaces: 5 }]).unplaced).toBe(25);
  });

  it('flags a rectification deadline due soon, then overdue', () => {
    expect(caseProgress(rectifying, '2026-11-24', POLICY).rectificationDueSoon).toBe(true);
    expect(caseProgress(rectifying, '2026-11-23', POLICY).rectificationDueSoon).toBe(false);
    expect(caseProgress(rectifying, '2026-12-02', POLICY).rectificationOverdue).toBe(true);
  });
});
