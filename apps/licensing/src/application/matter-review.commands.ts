import { z } from 'zod';
import { parseInput, textInput } from '@edugraph/platform';
import { isCalendarDate } from '@edugraph/rules';
import { requireDecider, requireEducationBureau, requireLicensingStaff } from './matter-access.ts';
import { changeMatter } from './matter-change.ts';
import type { MatterUseCaseContext } from './matter-change.ts';
import type { MatterView } from './matter.view.ts';

const PAUSE_REASONS = ['EXPERT_REVIEW', 'INSPECTION', 'HEARING'] as const;
const longText = textInput({ max: 4000, multiline: true });

/** Expert review, an inspection or a hearing stops the clock from today; the applicant is told by the event. */
export function pauseClock(ctx: MatterUseCaseContext, matterId: string, reason: unknown): Promise<MatterView> {
  const why = parseInput(z.enum(PAUSE_REASONS), reason);
  return changeMatter(ctx, matterId, {
    authorize: () => requireLicensingStaff(ctx.actor, 'pause a clock'),
    command: () => ({ type: 'pauseClock', reason: why, on: ctx.today }),
  });
}

export function resumeClock(ctx: MatterUseCaseContext, matterId: string): Promise<MatterView> {
  return changeMatter(ctx, matterId, {
    authorize: () => requireLicensingStaff(ctx.actor, 'resume a clock'),
    command: () => ({ type: 'resumeClock', on: ctx.today }),
  });
}

/** Once, +10 working days, on the head's written reason: the deciding authority's call. */
export function extendClock(ctx: MatterUseCaseContext, matterId: string, reason: string): Promise<MatterView> {
  const why = parseInput(longText, reason);
  return changeMatter(ctx, matterId, {
    authorize: ({ type }) => requireDecider(ctx.actor, type.authority, 'extend a clock'),
    command: () => ({ type: 'extendClock', reason: why }),
  });
}

export function giveReviewOpinion(ctx: MatterUseCaseContext, matterId: string, opinion: string): Promise<MatterView> {
  const text = parseInput(longText, opinion);
  return changeMatter(ctx, matterId, {
    authorize: () => requireEducationBureau(ctx.actor, 'give a review opinion'),
    command: () => ({ type: 'giveReviewOpinion', text }),
  });
}

const inspectionInput = z.object({ on: z.string().refine(isCalendarDate, { message: "must be a date 'YYYY-MM-DD'" }), slot: z.enum(['AM', 'PM']) });

/** An inspection by appointment, so the applicant never has to come. */
export function scheduleInspection(ctx: MatterUseCaseContext, matterId: string, raw: z.input<typeof inspectionInput>): Promise<MatterView> {
  const input = parseInput(inspectionInput, raw);
  return changeMatter(ctx, matterId, {
    authorize: () => requireEducationBureau(ctx.actor, 'schedule an inspection'),
    command: () => ({ type: 'scheduleInspection', on: input.on, slot: input.slot }),
  });
}

export function recordInspection(ctx: MatterUseCaseContext, matterId: string, findings: string): Promise<MatterView> {
  const text = parseInput(longText, findings);
  return changeMatter(ctx, matterId, {
    authorize: () => requireEducationBureau(ctx.actor, 'record an inspection'),
    command: () => ({ type: 'recordInspection', findings: text }),
  });
}
