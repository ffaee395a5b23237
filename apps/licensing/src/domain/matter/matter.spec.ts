import { describe, expect, it } from 'vitest';
import { handleMatterCommand, openMatter } from './matter.ts';
import { MATTER_TYPES } from './matter-types.ts';
import type { MatterCommand, MatterState } from './matter-state.ts';
import { CREDIT_CODE, SHA, accepted, attach, context, decideCommand, draft, run, submitted } from './spec-support/matter-fixtures.ts';

const refusal = (state: MatterState, command: MatterCommand, today: string) => {
  const result = handleMatterCommand(state, command, context(state.typeCode, today));
  return result.ok ? 'ok' : result.error.code;
};

describe('openMatter', () => {
  const applicant = { creditCode: CREDIT_CODE, name: '某某教育' };
  it('refuses an institution for preparation and requires one for a change', () => {
    expect(openMatter({ id: 'a', type: MATTER_TYPES.PREPARATION, applicant, institutionId: 'x' })).toMatchObject({ error: { code: 'INSTITUTION_NOT_ALLOWED' } });
    expect(openMatter({ id: 'a', type: MATTER_TYPES.CHANGE_NAME, applicant, institutionId: null })).toMatchObject({ error: { code: 'INSTITUTION_REQUIRED' } });
  });
  it('lets formal establishment go either way: prepared school or direct application (art. 16)', () => {
    expect(openMatter({ id: 'a', type: MATTER_TYPES.ESTABLISHMENT, applicant, institutionId: null }).ok).toBe(true);
    expect(openMatter({ id: 'a', type: MATTER_TYPES.ESTABLISHMENT, applicant, institutionId: 'prepared-1' }).ok).toBe(true);
  });
  it('asks a direct establishment for the preparation-stage materials instead of the preparation approval', () => {
    const direct = draft('ESTABLISHMENT', { institutionId: null, except: ['APPLICATION_REPORT'] });
    expect(refusal(direct, attach('PREPARATION_APPROVAL'), '2026-09-17')).toBe('WRONG_MATERIAL');
    expect(refusal(direct, attach('APPLICATION_REPORT'), '2026-09-17')).toBe('ok');
    const prepared = draft('ESTABLISHMENT', { institutionId: 'p-1' });
    expect(refusal(prepared, attach('APPLICATION_REPORT'), '2026-09-17')).toBe('WRONG_MATERIAL');
  });
  it('refuses an invalid credit code', () => {
    expect(openMatter({ id: 'a', type: MATTER_TYPES.PREPARATION, applicant: { ...applicant, creditCode: '123' }, institutionId: null })).toMatchObject({
      error: { code: 'INVALID_CREDIT_CODE' },
    });
  });
});

describe('materials and submission', () => {
  it('refuses materials of another type and malformed files', () => {
    const state = draft('CHANGE_NAME', { except: ['NAME_PRE_APPROVAL'] });
    expect(refusal(state, attach('STUDENT_PLACEMENT_PLAN'), '2026-09-17')).toBe('WRONG_MATERIAL');
    expect(refusal(state, { ...attach('NAME_PRE_APPROVAL'), sha256: 'xyz' } as MatterCommand, '2026-09-17')).toBe('INVALID_FILE');
    expect(refusal(state, { ...attach('NAME_PRE_APPROVAL'), sizeBytes: 0 } as MatterCommand, '2026-09-17')).toBe('INVALID_FILE');
  });
  it('replaces an earlier file for the same material', () => {
    const state = run(draft('CHANGE_NAME'), { ...attach('BOARD_RESOLUTION'), fileName: 'v2.pdf' } as MatterCommand, '2026-09-17').state;
    expect(state.materials.filter((m) => m.code === 'BOARD_RESOLUTION').map((m) => m.fileName)).toEqual(['v2.pdf']);
  });
  it('accepts a submission with missing materials and lists them, with the notice due date', () => {
    const { state, events } = run(draft('CHANGE_NAME', { except: ['NAME_PRE_APPROVAL', 'BOARD_RESOLUTION'] }), { type: 'submit' }, '2026-09-30');
    expect(state.status).toBe('SUBMITTED');
    // 5 working days after 30 Sep, the arrival day not counted: 8, 9, Sat 10 (make-up day), 12, 13 Oct.
    expect(events).toEqual([
      { type: 'licensing.matter.submitted', payload: expect.objectContaining({ missingMaterials: ['BOARD_RESOLUTION', 'NAME_PRE_APPROVAL'], noticeDueOn: '2026-10-13', submission: 1 }) },
    ]);
  });
});

describe('one correction notice per submission (一次性告知)', () => {
  const sub = () => submitted('CHANGE_NAME', '2026-09-30', ['NAME_PRE_APPROVAL']);
  it('refuses an empty notice, a foreign material and an item without a reason', () => {
    expect(refusal(sub(), { type: 'requestCorrections', items: [] }, '2026-10-08')).toBe('NO_CORRECTIONS');
    expect(refusal(sub(), { type: 'requestCorrections', items: [{ material: 'DIVISION_PLAN', reason: 'x' }] }, '2026-10-08')).toBe('WRONG_MATERIAL');
    expect(refusal(sub(), { type: 'requestCorrections', items: [{ material: 'NAME_PRE_APPROVAL', reason: ' ' }] }, '2026-10-08')).toBe('REASON_REQUIRED');
  });
  it('allows one notice, refuses a second, and allows a new one after the resubmission', () => {
    const notice: MatterCommand = { type: 'requestCorrections', items: [{ material: 'NAME_PRE_APPROVAL', reason: '缺少名称核准' }] };
    const corrected = run(sub(), notice, '2026-10-13');
    expect(corrected.events[0]?.type).toBe('licensing.matter.corrections-requested');
    expect(refusal(corrected.state, notice, '2026-10-13')).toBe('ONE_NOTICE_ONLY');
    const again = run(run(corrected.state, attach('NAME_PRE_APPROVAL'), '2026-10-20').state, { type: 'submit' }, '2026-10-20').state;
    expect(again.submittedOn).toBe('2026-10-20');
    expect(refusal(again, notice, '2026-10-21')).toBe('ok');
  });
  it('refuses a notice after the 5 working days: the law has accepted the application', () => {
    expect(refusal(sub(), { type: 'requestCorrections', items: [{ material: 'NAME_PRE_APPROVAL', reason: 'x' }] }, '2026-10-14')).toBe('NOTICE_PERIOD_OVER');
  });
});

describe('deemed acceptance (行政许可法 art. 32)', () => {
  // Submitted Wed 30 Sep; 5 working days not counting that day end on Tue 13 Oct (1-7 Oct are holidays,
  // Sat 10 Oct is a make-up working day).
  const sub = () => submitted('CHANGE_ADDRESS', '2026-09-30', ['FIRE_SAFETY_PROOF']);
  it('is refused while the office may still send its notice', () => {
    expect(refusal(sub(), { type: 'deemedAcceptance' }, '2026-10-13')).toBe('NOTICE_PERIOD_RUNNING');
  });
  it('accepts on the day the application arrived, deemed, and starts the clock there', () => {
    const { state, events } = run(sub(), { type: 'deemedAcceptance' }, '2026-10-14');
    expect(state).toMatchObject({ status: 'ACCEPTED', acceptedOn: '2026-09-30', deemedAccepted: true });
    expect(state.clock?.acceptedOn).toBe('2026-09-30');
    expect(events[0]).toEqual({ type: 'licensing.matter.accepted', payload: expect.objectContaining({ deemed: true, acceptedOn: '2026-09-30' }) });
  });
  it('staff acceptance is dated today and not deemed, within the period', () => {
    const { state, events } = run(submitted('CHANGE_ADDRESS', '2026-09-30'), { type: 'accept' }, '2026-10-09');
    expect(state.acceptedOn).toBe('2026-10-09');
    expect(events[0]?.payload).toMatchObject({ deemed: false });
    expect(refusal(submitted('CHANGE_ADDRESS', '2026-09-30', ['FIRE_SAFETY_PROOF']), { type: 'accept' }, '2026-10-09')).toBe('MATERIALS_MISSING');
  });
});

describe('review and clock commands', () => {
  const acc = (type: 'CHANGE_ADDRESS' | 'ESTABLISHMENT' = 'CHANGE_ADDRESS') => accepted(type, '2026-09-18', '2026-09-21');
  it('pauses once, resumes once, and refuses the repeats', () => {
    const paused = run(acc(), { type: 'pauseClock', reason: 'HEARING', on: '2026-09-22' }, '2026-09-22').state;
    expect(paused.status).toBe('UNDER_REVIEW');
    expect(refusal(paused, { type: 'pauseClock', reason: 'HEARING', on: '2026-09-23' }, '2026-09-23')).toBe('ALREADY_PAUSED');
    expect(refusal(paused, decideCommand('REFUSED'), '2026-09-23')).toBe('CLOCK_PAUSED');
    const resumed = run(paused, { type: 'resumeClock', on: '2026-09-24' }, '2026-09-24').state;
    expect(refusal(resumed, { type: 'resumeClock', on: '2026-09-24' }, '2026-09-24')).toBe('NOT_PAUSED');
    expect(refusal(acc(), { type: 'pauseClock', reason: 'LUNCH' as 'HEARING', on: '2026-09-22' }, '2026-09-22')).toBe('INVALID_ARGUMENT');
    expect(refusal(acc(), { type: 'pauseClock', reason: 'HEARING', on: '2026-09-23' }, '2026-09-22')).toBe('DATE_IN_FUTURE');
  });
  it('extends once where the licensing law sets the limit, never where the private-education law does', () => {
    const extended = run(acc(), { type: 'extendClock', reason: '负责人批准' }, '2026-09-22').state;
    expect(extended.clock?.extension).toEqual({ workingDays: 10, reason: '负责人批准' });
    expect(refusal(extended, { type: 'extendClock', reason: 'again' }, '2026-09-22')).toBe('ALREADY_EXTENDED');
    expect(refusal(acc(), { type: 'extendClock', reason: ' ' }, '2026-09-22')).toBe('REASON_REQUIRED');
    expect(refusal(acc('ESTABLISHMENT'), { type: 'extendClock', reason: 'x' }, '2026-09-22')).toBe('EXTENSION_NOT_ALLOWED');
  });
  it('schedules inspections from today on, and records them', () => {
    expect(refusal(acc(), { type: 'scheduleInspection', on: '2026-09-21', slot: 'AM' }, '2026-09-22')).toBe('DATE_IN_PAST');
    expect(refusal(acc(), { type: 'scheduleInspection', on: '2026-09-23', slot: 'XX' as 'AM' }, '2026-09-22')).toBe('INVALID_ARGUMENT');
    const scheduled = run(acc(), { type: 'scheduleInspection', on: '2026-09-22', slot: 'PM' }, '2026-09-22').state;
    const recorded = run(scheduled, { type: 'recordInspection', findings: '符合' }, '2026-09-22').state;
    expect(recorded.inspections).toEqual([{ on: '2026-09-22', slot: 'PM', findings: '符合', recordedOn: '2026-09-22' }]);
    expect(refusal(recorded, { type: 'recordInspection', findings: 'again' }, '2026-09-22')).toBe('NO_INSPECTION_SCHEDULED');
  });
});

describe('decision', () => {
  const acc = () => accepted('CHANGE_ADDRESS', '2026-09-18', '2026-09-21');
  it('needs a legal basis, the deciding authority of the catalogue and, for a refusal, reasons', () => {
    expect(refusal(acc(), decideCommand('APPROVED', { legalBasis: ' ' }), '2026-09-22')).toBe('LEGAL_BASIS_REQUIRED');
    expect(refusal(acc(), decideCommand('REFUSED', { reason: '' }), '2026-09-22')).toBe('REASON_REQUIRED');
    expect(refusal(acc(), decideCommand('APPROVED', { deciderAuthority: 'EDUCATION_BUREAU' }), '2026-09-22')).toBe('WRONG_AUTHORITY');
  });
  it('emits decided with the licence due date (10 working days) and completed with the credit code', () => {
    const { state, events } = run(acc(), decideCommand('APPROVED'), '2026-09-30');
    expect(state.status).toBe('APPROVED');
    // 8, 9, Sat 10, 12 … 16, 19, 20 Oct: the 10th working day after 30 Sep.
    expect(events.map((e) => e.type)).toEqual(['licensing.matter.decided', 'licensing.matter.completed']);
    expect(events[0]?.payload).toMatchObject({ outcome: 'APPROVED', decidedOn: '2026-09-30', licenceDueOn: '2026-10-20' });
    expect(events[1]?.payload).toMatchObject({ creditCode: CREDIT_CODE, outcome: 'APPROVED' });
  });
  it('approves a termination only with the student placement plan, which a deemed acceptance may lack', () => {
    const sub = submitted('TERMINATION', '2026-09-18', ['STUDENT_PLACEMENT_PLAN']);
    const deemed = run(sub, { type: 'deemedAcceptance' }, '2026-09-28').state;
    expect(refusal(deemed, decideCommand('APPROVED'), '2026-09-29')).toBe('KEY_MATERIAL_MISSING');
    expect(refusal(deemed, decideCommand('REFUSED'), '2026-09-29')).toBe('ok');
    expect(refusal(accepted('TERMINATION', '2026-09-18', '2026-09-21'), decideCommand('APPROVED'), '2026-09-29')).toBe('ok');
  });
  it('verifies a sponsor change only with a two-thirds board vote', () => {
    const acc2 = accepted('CHANGE_SPONSOR', '2026-09-18', '2026-09-21');
    expect(refusal(acc2, decideCommand('APPROVED'), '2026-09-22')).toBe('BOARD_VOTE_INSUFFICIENT');
    expect(refusal(acc2, decideCommand('APPROVED', { boardVote: { membersTotal: 8, inFavour: 5 } }), '2026-09-22')).toBe('BOARD_VOTE_INSUFFICIENT');
    expect(refusal(acc2, decideCommand('APPROVED', { boardVote: { membersTotal: 9, inFavour: 6 } }), '2026-09-22')).toBe('ok');
  });
});

describe('withdrawal and filings', () => {
  it('withdraws before the decision with withdrawn and completed events', () => {
    const { state, events } = run(accepted('CHANGE_NAME', '2026-09-18', '2026-09-21'), { type: 'withdraw', reason: '不再变更' }, '2026-09-22');
    expect(state).toMatchObject({ status: 'WITHDRAWN', withdrawnOn: '2026-09-22' });
    expect(events.map((e) => [e.type, e.payload.outcome])).toEqual([['licensing.matter.withdrawn', undefined], ['licensing.matter.completed', 'WITHDRAWN']]);
  });
  it('records a complete filing for publication, and refuses an incomplete one', () => {
    const { state, events } = run(submitted('CHARTER_FILING', '2026-09-18'), { type: 'record' }, '2026-09-21');
    expect(state).toMatchObject({ status: 'RECORDED', recordedOn: '2026-09-21', clock: null });
    expect(events[0]?.payload).toMatchObject({ authority: 'EDUCATION_BUREAU', publish: true });
    expect(events[1]?.payload).toMatchObject({ outcome: 'RECORDED', creditCode: CREDIT_CODE });
    expect(refusal(submitted('CHARTER_FILING', '2026-09-18', ['AMENDED_CHARTER']), { type: 'record' }, '2026-09-21')).toBe('KEY_MATERIAL_MISSING');
    expect(refusal(submitted('CHARTER_FILING', '2026-09-18', ['CHARTER_AMENDMENT_TABLE']), { type: 'record' }, '2026-09-21')).toBe('MATERIALS_MISSING');
  });
  it('refuses a context describing another matter type', () => {
    const state = draft('CHANGE_NAME');
    const result = handleMatterCommand(state, { type: 'submit' }, context('CHANGE_ADDRESS', '2026-09-18'));
    expect(result.ok ? 'ok' : result.error.code).toBe('WRONG_REQUIREMENTS');
  });
  it('stores a file hash in lower case', () => {
    const state = run(draft('CHANGE_NAME', { except: ['LICENCE_ORIGINAL'] }), { ...attach('LICENCE_ORIGINAL'), sha256: SHA.toUpperCase() } as MatterCommand, '2026-09-17').state;
    expect(state.materials.find((m) => m.code === 'LICENCE_ORIGINAL')?.sha256).toBe(SHA);
  });
});
