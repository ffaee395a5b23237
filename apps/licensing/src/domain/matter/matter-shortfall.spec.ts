// Acceptance with a shortfall (容缺受理) on a change of address: PREMISES_PROOF is key, FIRE_SAFETY_PROOF
// and LICENCE_ORIGINAL may come late. Submitted Fri 18 Sep 2026, handled on Mon 21 Sep.
import { describe, expect, it } from 'vitest';
import { handleMatterCommand } from './matter.ts';
import type { MatterCommand, MatterState } from './matter-state.ts';
import { attach, context, decideCommand, run, submitted } from './spec-support/matter-fixtures.ts';

const TODAY = '2026-09-21';
const shortfall = (missing: { material: string; dueOn: string }[], extra: Partial<Extract<MatterCommand, { type: 'acceptWithShortfall' }>> = {}): MatterCommand => ({
  type: 'acceptWithShortfall', missing, commitmentSigned: true, sponsorHasBrokenCommitment: false, ...extra,
});
const code = (state: MatterState, command: MatterCommand, today = TODAY) => {
  const result = handleMatterCommand(state, command, context(state.typeCode, today));
  return result.ok ? 'ok' : result.error.code;
};
const fireLate = () => submitted('CHANGE_ADDRESS', '2026-09-18', ['FIRE_SAFETY_PROOF']);
const fire = (dueOn = '2026-10-09') => [{ material: 'FIRE_SAFETY_PROOF', dueOn }];

describe('acceptWithShortfall refusals', () => {
  it('BROKEN_COMMITMENT: an applicant who broke an earlier commitment is not offered it', () => {
    expect(code(fireLate(), shortfall(fire(), { sponsorHasBrokenCommitment: true }))).toBe('BROKEN_COMMITMENT');
  });
  it('COMMITMENT_NOT_SIGNED', () => {
    expect(code(fireLate(), shortfall(fire(), { commitmentSigned: false }))).toBe('COMMITMENT_NOT_SIGNED');
  });
  it('INVALID_ARGUMENT without any missing item', () => {
    expect(code(fireLate(), shortfall([]))).toBe('INVALID_ARGUMENT');
  });
  it('WRONG_MATERIAL for a material of another type', () => {
    expect(code(fireLate(), shortfall([{ material: 'STUDENT_PLACEMENT_PLAN', dueOn: '2026-10-09' }]))).toBe('WRONG_MATERIAL');
  });
  it('NOT_SHORTFALL_ALLOWED for a key material', () => {
    const keyLate = submitted('CHANGE_ADDRESS', '2026-09-18', ['PREMISES_PROOF']);
    expect(code(keyLate, shortfall([{ material: 'PREMISES_PROOF', dueOn: '2026-10-09' }]))).toBe('NOT_SHORTFALL_ALLOWED');
  });
  it('KEY_MATERIAL_MISSING when a key material is absent, even if only late ones are listed', () => {
    const keyAndFireLate = submitted('CHANGE_ADDRESS', '2026-09-18', ['PREMISES_PROOF', 'FIRE_SAFETY_PROOF']);
    expect(code(keyAndFireLate, shortfall(fire()))).toBe('KEY_MATERIAL_MISSING');
  });
  it('MATERIALS_MISSING when a missing material is left out of the notice', () => {
    const twoLate = submitted('CHANGE_ADDRESS', '2026-09-18', ['FIRE_SAFETY_PROOF', 'LICENCE_ORIGINAL']);
    expect(code(twoLate, shortfall(fire()))).toBe('MATERIALS_MISSING');
  });
  it('MATERIAL_ALREADY_ATTACHED for an item that is not missing', () => {
    expect(code(fireLate(), shortfall([...fire(), { material: 'LICENCE_ORIGINAL', dueOn: '2026-10-09' }]))).toBe('MATERIAL_ALREADY_ATTACHED');
  });
  it('DUE_IN_PAST', () => {
    expect(code(fireLate(), shortfall(fire('2026-09-20')))).toBe('DUE_IN_PAST');
  });
  // Accepted 21 Sep, 20 working days: 22-24 Sep, 28-30 Sep, 8-10 Oct (10th a make-up Saturday),
  // 12-16, 19-23, 26 Oct → due 26 Oct. A material may be owed until that day, not after.
  it('DUE_AFTER_DEADLINE: never past the decision due date', () => {
    expect(code(fireLate(), shortfall(fire('2026-10-27')))).toBe('DUE_AFTER_DEADLINE');
    expect(code(fireLate(), shortfall(fire('2026-10-26')))).toBe('ok');
  });
});

describe('a shortfall acceptance', () => {
  const accepted = () => run(fireLate(), shortfall(fire()), TODAY);
  it('starts the clock on acceptance and names each item and date in the event', () => {
    const { state, events } = accepted();
    expect(state).toMatchObject({ status: 'ACCEPTED_WITH_SHORTFALL', acceptedOn: TODAY, commitmentSignedOn: TODAY, shortfall: fire() });
    expect(events[0]?.payload).toMatchObject({ deemed: false, decisionDueOn: '2026-10-26', shortfall: fire() });
  });
  it('is cleared by the owed material, back to ACCEPTED, or UNDER_REVIEW once review began', () => {
    expect(code(accepted().state, attach('LICENCE_ORIGINAL'))).toBe('NOT_OUTSTANDING');
    expect(run(accepted().state, attach('FIRE_SAFETY_PROOF'), '2026-09-22').state).toMatchObject({ status: 'ACCEPTED', shortfall: [] });
    const reviewed = run(accepted().state, { type: 'giveReviewOpinion', text: '同意' }, '2026-09-22').state;
    expect(reviewed.status).toBe('ACCEPTED_WITH_SHORTFALL');
    expect(run(reviewed, attach('FIRE_SAFETY_PROOF'), '2026-09-23').state.status).toBe('UNDER_REVIEW');
  });
  it('cannot be approved while an item is owed (SHORTFALL_OUTSTANDING), but can be refused', () => {
    expect(code(accepted().state, decideCommand('APPROVED'))).toBe('SHORTFALL_OUTSTANDING');
    expect(code(accepted().state, decideCommand('REFUSED'))).toBe('ok');
    const cleared = run(accepted().state, attach('FIRE_SAFETY_PROOF'), '2026-09-22').state;
    expect(code(cleared, decideCommand('APPROVED'), '2026-09-22')).toBe('ok');
  });
  it('lapses the day after a missed due date, recording the broken commitment', () => {
    expect(run(accepted().state, { type: 'checkShortfall' }, '2026-10-09')).toMatchObject({ state: { status: 'ACCEPTED_WITH_SHORTFALL' }, events: [] });
    const { state, events } = run(accepted().state, { type: 'checkShortfall' }, '2026-10-10');
    expect(state).toMatchObject({ status: 'LAPSED', lapsedOn: '2026-10-10', commitmentBroken: true });
    expect(events.map((e) => e.type)).toEqual(['licensing.matter.lapsed', 'licensing.matter.completed']);
    expect(events[0]?.payload).toMatchObject({ commitmentBroken: true, missing: fire() });
    expect(events[1]?.payload).toMatchObject({ outcome: 'LAPSED' });
  });
  it('dates a late shortfall acceptance from the arrival day, as the law already accepted it', () => {
    const { state } = run(fireLate(), shortfall(fire()), '2026-09-28');
    expect(state).toMatchObject({ acceptedOn: '2026-09-18', deemedAccepted: true });
  });
});
