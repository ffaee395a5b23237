// Test fixtures: matters driven into each state through the aggregate itself, so fixtures stay honest.
import { creditCodeCheckCharacter, defaultCalendar } from '@edugraph/rules';
import type { CalendarDate, WorkingDayCalendar } from '@edugraph/rules';
import { MATTER_TYPES, requiredMaterials } from '../matter-types.ts';
import type { MatterTypeCode } from '../matter-types.ts';
import { handleMatterCommand, openMatter } from '../matter.ts';
import type { MatterChange, MatterCommand, MatterContext, MatterState, MatterStatus } from '../matter-state.ts';

const FIRST17 = '52320102MJ0000001';
export const CREDIT_CODE = FIRST17 + creditCodeCheckCharacter(FIRST17);
export const SHA = 'ab'.repeat(32);

export function context(typeCode: MatterTypeCode, today: CalendarDate, calendar: WorkingDayCalendar = defaultCalendar): MatterContext {
  return { today, calendar, requirements: MATTER_TYPES[typeCode] };
}

export function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function run(state: MatterState, command: MatterCommand, today: CalendarDate, calendar?: WorkingDayCalendar): MatterChange {
  return must(handleMatterCommand(state, command, context(state.typeCode, today, calendar)));
}

export const attach = (code: string): MatterCommand => ({ type: 'attachMaterial', code, fileName: `${code}.pdf`, sha256: SHA, sizeBytes: 1024 });

export function draft(typeCode: MatterTypeCode, options: { institutionId?: string | null; except?: readonly string[]; on?: CalendarDate } = {}): MatterState {
  const type = MATTER_TYPES[typeCode];
  const institutionId = options.institutionId !== undefined ? options.institutionId : type.institutionReference === 'NONE' ? null : 'inst-1';
  let state = must(openMatter({ id: `m-${typeCode}`, type, applicant: { creditCode: CREDIT_CODE, name: '某某教育科技有限公司' }, institutionId }));
  for (const material of requiredMaterials(type, institutionId)) {
    if (!options.except?.includes(material.code)) state = run(state, attach(material.code), options.on ?? '2026-09-17').state;
  }
  return state;
}

export function submitted(typeCode: MatterTypeCode, on: CalendarDate, except: readonly string[] = [], calendar?: WorkingDayCalendar): MatterState {
  return run(draft(typeCode, { except }), { type: 'submit' }, on, calendar).state;
}

export function accepted(typeCode: MatterTypeCode, submittedOn: CalendarDate, acceptedOn: CalendarDate, calendar?: WorkingDayCalendar): MatterState {
  return run(submitted(typeCode, submittedOn, [], calendar), { type: 'accept' }, acceptedOn, calendar).state;
}

export const decideCommand = (outcome: 'APPROVED' | 'REFUSED', extra: Partial<Extract<MatterCommand, { type: 'decide' }>> = {}): MatterCommand => ({
  type: 'decide',
  outcome,
  legalBasis: '《中华人民共和国民办教育促进法》',
  reason: outcome === 'REFUSED' ? '办学条件不符合设置标准' : '',
  deciderAuthority: 'APPROVAL_BUREAU',
  ...extra,
});

/**
 * A matter of `typeCode` in `status`, reached through real commands where the kind allows it. The late
 * material (`lateCode`) is the one left out where a state needs something missing.
 * States a kind never reaches are synthetic copies: only the transition table looks at them.
 */
export function inStatus(typeCode: MatterTypeCode, status: MatterStatus, lateCode: string): MatterState {
  const filing = MATTER_TYPES[typeCode].kind === 'FILING';
  const sub = () => submitted(typeCode, '2026-09-18', filing ? [] : [lateCode]);
  const acc = () => accepted(typeCode, '2026-09-18', '2026-09-21');
  const synthetic = (s: MatterState) => ({ ...s, status });
  switch (status) {
    case 'DRAFT': return draft(typeCode, { except: [lateCode] });
    case 'SUBMITTED': return sub();
    case 'CORRECTIONS_REQUESTED': return run(sub(), { type: 'requestCorrections', items: [{ material: lateCode, reason: '缺少' }] }, '2026-09-21').state;
    case 'WITHDRAWN': return run(sub(), { type: 'withdraw' }, '2026-09-21').state;
    case 'RECORDED': return filing ? run(sub(), { type: 'record' }, '2026-09-21').state : synthetic(acc());
  }
  if (filing) return synthetic(sub());
  const shortfall = () =>
    run(sub(), { type: 'acceptWithShortfall', missing: [{ material: lateCode, dueOn: '2026-10-09' }], commitmentSigned: true, sponsorHasBrokenCommitment: false }, '2026-09-21').state;
  const review = () => run(acc(), { type: 'scheduleInspection', on: '2026-09-28', slot: 'AM' }, '2026-09-21').state;
  switch (status) {
    case 'ACCEPTED': return acc();
    case 'ACCEPTED_WITH_SHORTFALL': return shortfall();
    case 'UNDER_REVIEW': return review();
    case 'REFUSED': return run(acc(), decideCommand('REFUSED'), '2026-09-22').state;
    case 'APPROVED': return run(acc(), decideCommand('APPROVED', { boardVote: { membersTotal: 9, inFavour: 6 } }), '2026-09-22').state;
    case 'LAPSED': return run(shortfall(), { type: 'checkShortfall' }, '2026-10-12').state;
  }
}
