// The whole transition table: every state × every command for an approval, a verification and a filing.
// Cells not listed must be refused with INVALID_TRANSITION; listed cells pass the table and either
// succeed ('ok') or meet the named domain rule with the fixture's data.
import { describe, expect, it } from 'vitest';
import { handleMatterCommand } from './matter.ts';
import { MATTER_COMMAND_TYPES, MATTER_STATUSES } from './matter-state.ts';
import type { MatterCommand, MatterCommandType, MatterStatus } from './matter-state.ts';
import type { MatterTypeCode } from './matter-types.ts';
import { attach, context, decideCommand, inStatus } from './spec-support/matter-fixtures.ts';

type Expected = Partial<Record<MatterCommandType, 'ok' | string>>;

const REVIEW: Expected = {
  pauseClock: 'ok', resumeClock: 'NOT_PAUSED', extendClock: 'ok', giveReviewOpinion: 'ok', scheduleInspection: 'ok',
  recordInspection: 'NO_INSPECTION_SCHEDULED', decide: 'ok', withdraw: 'ok',
};
const DECIDED_MATTER_TABLE: Record<MatterStatus, Expected> = {
  DRAFT: { attachMaterial: 'ok', submit: 'ok', withdraw: 'ok' },
  SUBMITTED: { requestCorrections: 'ok', deemedAcceptance: 'ok', accept: 'MATERIALS_MISSING', acceptWithShortfall: 'ok', withdraw: 'ok' },
  CORRECTIONS_REQUESTED: { attachMaterial: 'ok', submit: 'ok', requestCorrections: 'ONE_NOTICE_ONLY', withdraw: 'ok' },
  ACCEPTED: REVIEW,
  ACCEPTED_WITH_SHORTFALL: { ...REVIEW, attachMaterial: 'ok', checkShortfall: 'ok' },
  UNDER_REVIEW: { ...REVIEW, recordInspection: 'ok' },
  APPROVED: {},
  REFUSED: {},
  RECORDED: {},
  WITHDRAWN: {},
  LAPSED: {},
};
const FILING_TABLE: Record<MatterStatus, Expected> = {
  ...Object.fromEntries(MATTER_STATUSES.map((s) => [s, {}])) as Record<MatterStatus, Expected>,
  DRAFT: { attachMaterial: 'ok', submit: 'ok', withdraw: 'ok' },
  SUBMITTED: { requestCorrections: 'ok', record: 'ok', withdraw: 'ok' },
  CORRECTIONS_REQUESTED: { attachMaterial: 'ok', submit: 'ok', requestCorrections: 'ONE_NOTICE_ONLY', withdraw: 'ok' },
};

function command(type: MatterCommandType, lateCode: string): { command: MatterCommand; today: string } {
  const on = '2026-09-22'; // within the notice period of the 18 Sep submission (deadline 24 Sep)
  switch (type) {
    case 'attachMaterial': return { command: attach(lateCode), today: on };
    case 'submit': return { command: { type }, today: on };
    case 'requestCorrections': return { command: { type, items: [{ material: lateCode, reason: '未盖章' }] }, today: on };
    case 'deemedAcceptance': return { command: { type }, today: '2026-09-28' };
    case 'accept': return { command: { type }, today: on };
    case 'acceptWithShortfall':
      return { command: { type, missing: [{ material: lateCode, dueOn: '2026-10-09' }], commitmentSigned: true, sponsorHasBrokenCommitment: false }, today: on };
    case 'checkShortfall': return { command: { type }, today: on };
    case 'pauseClock': return { command: { type, reason: 'EXPERT_REVIEW', on }, today: on };
    case 'resumeClock': return { command: { type, on }, today: on };
    case 'extendClock': return { command: { type, reason: '案情复杂，经负责人批准' }, today: on };
    case 'giveReviewOpinion': return { command: { type, text: '符合设置标准' }, today: on };
    case 'scheduleInspection': return { command: { type, on: '2026-09-29', slot: 'PM' }, today: on };
    case 'recordInspection': return { command: { type, findings: '场地符合要求' }, today: on };
    case 'decide': return { command: decideCommand('REFUSED'), today: on };
    case 'record': return { command: { type }, today: on };
    case 'withdraw': return { command: { type, reason: '举办者撤回' }, today: on };
  }
}

const CASES: [string, MatterTypeCode, string, Record<MatterStatus, Expected>][] = [
  ['approval', 'CHANGE_ADDRESS', 'FIRE_SAFETY_PROOF', DECIDED_MATTER_TABLE],
  ['verification', 'CHANGE_SPONSOR', 'LICENCE_ORIGINAL', DECIDED_MATTER_TABLE],
  ['filing', 'BRANCH_FILING', 'BRANCH_MANAGER_LIST', FILING_TABLE],
];

describe.each(CASES)('transition table: %s (%s)', (_kind, typeCode, lateCode, table) => {
  const cells = MATTER_STATUSES.flatMap((status) => MATTER_COMMAND_TYPES.map((type) => [status, type] as const));
  it.each(cells)('%s × %s', (status, type) => {
    const state = inStatus(typeCode, status, lateCode);
    expect(state.status).toBe(status);
    const { command: cmd, today } = command(type, lateCode);
    const result = handleMatterCommand(state, cmd, context(typeCode, today));
    const expected = table[status][type] ?? 'INVALID_TRANSITION';
    expect(result.ok ? 'ok' : result.error.code).toBe(expected);
    if (!result.ok && expected === 'INVALID_TRANSITION') {
      expect(result.error.message).toContain(status);
      expect(result.error.message).toContain(type);
    }
  });
});
