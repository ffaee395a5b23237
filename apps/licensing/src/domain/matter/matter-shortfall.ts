// Acceptance with a shortfall (容缺受理): key materials complete, listed non-key ones owed by a date the
// applicant commits to, never past the decision due date; a missed date ends the case.
import { StatutoryClock } from '@edugraph/rules';
import { acceptanceDay, startAcceptance } from './matter-intake.ts';
import { changed, checkDate, completed, event, guarded, isAttached, materialsOf, missingMaterials, refuse } from './matter-support.ts';
import type { MatterResult } from './matter-support.ts';
import type { MatterCommand, MatterContext, MatterState } from './matter-state.ts';

type Command = Extract<MatterCommand, { type: 'acceptWithShortfall' }>;

export function acceptWithShortfall(state: MatterState, command: Command, ctx: MatterContext): MatterResult {
  if (command.sponsorHasBrokenCommitment !== false) {
    return refuse('BROKEN_COMMITMENT', 'An applicant who broke an earlier commitment is not offered acceptance with a shortfall');
  }
  if (command.commitmentSigned !== true) return refuse('COMMITMENT_NOT_SIGNED', 'The applicant must sign the commitment first');
  const missing = Array.isArray(command.missing) ? command.missing : [];
  if (missing.length === 0) return refuse('INVALID_ARGUMENT', 'Name at least one missing material; a complete application is simply accepted');
  const byCode = new Map(materialsOf(state, ctx).map((m) => [m.code, m]));
  for (const item of missing) {
    const material = byCode.get(item.material);
    if (!material) return refuse('WRONG_MATERIAL', `${item.material} is not a material of ${state.typeCode}`);
    if (!material.shortfallAllowed) return refuse('NOT_SHORTFALL_ALLOWED', `${item.material} may not be handed in late`, { material: item.material });
    if (isAttached(state, item.material)) return refuse('MATERIAL_ALREADY_ATTACHED', `${item.material} is already attached`, { material: item.material });
    const badDate = checkDate(item.dueOn, `dueOn of ${item.material}`);
    if (badDate) return badDate;
    if (item.dueOn < ctx.today) return refuse('DUE_IN_PAST', `${item.material} cannot be due on ${item.dueOn}, before today`);
  }
  const missingKey = missingMaterials(state, ctx, true);
  if (missingKey.length > 0) return refuse('KEY_MATERIAL_MISSING', `Key materials missing: ${missingKey.join(', ')}`, { materials: missingKey.join(',') });
  // The notice must name every missing item: nothing may be missing without a date.
  const unlisted = missingMaterials(state, ctx).filter((code) => !missing.some((m) => m.material === code));
  if (unlisted.length > 0) return refuse('MATERIALS_MISSING', `Missing but not in the shortfall notice: ${unlisted.join(', ')}`, { materials: unlisted.join(',') });
  return guarded(() => {
    const { acceptedOn, deemed } = acceptanceDay(state, ctx);
    const limit = ctx.requirements.decisionLimit;
    if (!limit) return refuse('INVALID_TRANSITION', `${state.typeCode} is a filing: no shortfall acceptance`);
    const decisionDueOn = StatutoryClock.start({ acceptedOn, limit: limit.limit, calendar: ctx.calendar }).dueDate() ?? acceptedOn;
    const late = missing.find((m) => m.dueOn > decisionDueOn);
    if (late) return refuse('DUE_AFTER_DEADLINE', `${late.material} is due ${late.dueOn}, after the decision due date ${decisionDueOn}`, { decisionDueOn });
    return startAcceptance(state, ctx, acceptedOn, deemed, missing.map((m) => ({ material: m.material, dueOn: m.dueOn })));
  });
}

export function checkShortfall(state: MatterState, ctx: MatterContext): MatterResult {
  const overdue = state.shortfall.filter((s) => s.dueOn < ctx.today);
  if (overdue.length === 0) return changed(state);
  const next: MatterState = { ...state, status: 'LAPSED', lapsedOn: ctx.today, commitmentBroken: true };
  return changed(next, [
    event('licensing.matter.lapsed', {
      matterId: state.id,
      typeCode: state.typeCode,
      creditCode: state.applicant.creditCode,
      lapsedOn: ctx.today,
      missing: overdue.map((s) => ({ ...s })),
      // The fact the next application's shortfall check needs (sponsorHasBrokenCommitment).
      commitmentBroken: true,
    }),
    completed(next, 'LAPSED', ctx.today),
  ]);
}
