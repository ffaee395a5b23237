// Kindergartens' own facts that the subsidy is computed from: the profile the registry does not
// carry (area, non-profit status, fee), the roster per school year, and the inclusive recognition.
import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { emitEvent } from '@edugraph/events';
import type { EventType } from '@edugraph/contracts';
import { AppError, idInput, parseInput, requireInstitutionAccess, requireRole, textInput } from '@edugraph/platform';
import { fen } from '@edugraph/rules';
import { DEFAULT_INCLUSIVE_POLICIES, recogniseInclusive, recordRoster as recordRosterRule } from '../domain/index.ts';
import type { DomainEvent } from '../domain/index.ts';
import { schoolYearOn } from '../domain/kindergarten/school-year.ts';
import type { Kindergarten } from '../entities/kindergarten.entity.ts';
import { inTransaction, loadKindergarten, refusal } from './subsidy-context.ts';
import type { PreschoolContext } from './subsidy-context.ts';
import { rosterRecordsOf, toDomainKindergarten, toKindergartenView } from './kindergarten.view.ts';
import type { KindergartenView } from './kindergarten.view.ts';

function queue(tx: EntityManager, ctx: PreschoolContext, k: Kindergarten, events: readonly DomainEvent[]): void {
  for (const e of events) {
    emitEvent(tx, {
      type: e.type as EventType,
      aggregateType: 'Kindergarten',
      aggregateId: k.institutionId,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      payload: e.payload as never,
    });
  }
}

const profileInput = z.object({
  institutionId: idInput(),
  area: z.enum(['URBAN', 'RURAL']),
  nonProfit: z.boolean(),
  monthlyFeeFen: z.number().int().nonnegative().max(100_000_000).nullable().optional(),
});
export type SetKindergartenProfile = z.input<typeof profileInput>;

/**
 * Bureau staff record what the registry's event does not say: urban or rural (城区/农村), non-profit
 * or not (非营利性), and the monthly fee. Recognition needs it; emits preschool.kindergarten.profile-set.
 */
export async function setKindergartenProfile(ctx: PreschoolContext, raw: SetKindergartenProfile): Promise<KindergartenView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'set a kindergarten’s profile');
  const input = parseInput(profileInput, raw);
  return inTransaction(ctx, async (tx) => {
    const k = await loadKindergarten(tx, input.institutionId);
    const monthlyFeeFen = input.monthlyFeeFen === undefined ? (k.monthlyFeeFen ?? null) : input.monthlyFeeFen;
    if (k.area !== input.area || k.nonProfit !== input.nonProfit || (k.monthlyFeeFen ?? null) !== monthlyFeeFen) {
      k.area = input.area;
      k.nonProfit = input.nonProfit;
      k.monthlyFeeFen = monthlyFeeFen;
      queue(tx, ctx, k, [{ type: 'preschool.kindergarten.profile-set', payload: { institutionId: k.institutionId, area: input.area, nonProfit: input.nonProfit, monthlyFeeFen } }]);
    }
    await tx.flush();
    return toKindergartenView(k);
  });
}

const rosterInput = z.object({ kindergartenId: idInput(), schoolYear: z.number(), enrolled: z.number() });

/**
 * The kindergarten's own staff (or bureau staff) record how many children are enrolled in a school
 * year. Recording a year again is a correction (preschool.roster.corrected); a subsidy already
 * computed for that year is then recomputed with computeSubsidy, which posts the difference.
 */
export async function recordRoster(ctx: PreschoolContext, raw: { kindergartenId: string; schoolYear: number; enrolled: number }): Promise<KindergartenView> {
  const input = parseInput(rosterInput, raw);
  requireInstitutionAccess(ctx.actor, input.kindergartenId, 'record a kindergarten’s roster');
  return inTransaction(ctx, async (tx) => {
    const k = await loadKindergarten(tx, input.kindergartenId);
    const result = recordRosterRule(toDomainKindergarten(k), input.schoolYear, input.enrolled);
    if (!result.ok) throw refusal(result.error);
    if (result.value.events.length > 0) {
      const rosters = { ...rosterRecordsOf(k), [String(input.schoolYear)]: { enrolled: input.enrolled, recordedBy: ctx.actor.id, recordedOn: ctx.today } };
      k.rosters = rosters;
      // `enrolled` is the latest school year's roster: what setKindergartenPlaces checks places against.
      const latest = Math.max(...Object.keys(rosters).map(Number));
      k.enrolled = rosters[String(latest)]!.enrolled;
      queue(tx, ctx, k, result.value.events);
    }
    await tx.flush();
    return toKindergartenView(k);
  });
}

const decisionInput = z.object({
  kindergartenId: idInput(),
  schoolYear: z.number(),
  decision: z.object({
    /** The fee it will charge that year; defaults to the profile's fee. */
    monthlyFeeFen: z.number().int().nullable().optional(),
    /** The recognition document (认定文号). */
    documentNo: textInput({ min: 1, max: 60 }),
  }),
});
export type RecognizeInclusive = z.input<typeof decisionInput>;

/**
 * Bureau staff recognise a non-profit private kindergarten as inclusive (普惠性) for one school year,
 * at a fee within the area's cap (DEFAULT_INCLUSIVE_POLICIES: data with its basis). Its kind is
 * INCLUSIVE_PRIVATE that year. Emits preschool.kindergarten.recognised-inclusive.
 */
export async function recognizeInclusive(ctx: PreschoolContext, raw: RecognizeInclusive): Promise<KindergartenView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'recognise an inclusive kindergarten');
  const input = parseInput(decisionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const k = await loadKindergarten(tx, input.kindergartenId);
    if (k.ownership === 'PRIVATE' && (k.area === null || k.area === undefined || k.nonProfit === null || k.nonProfit === undefined)) {
      throw new AppError('PROFILE_NOT_SET', `Set ${k.name}’s area and non-profit status first (setKindergartenProfile); recognition depends on both.`);
    }
    const monthlyFeeFen = input.decision.monthlyFeeFen ?? k.monthlyFeeFen ?? null;
    if (monthlyFeeFen === null) throw new AppError('FEE_REQUIRED', `Give the monthly fee ${k.name} will charge (monthlyFeeFen); the fee cap depends on it.`);
    const result = recogniseInclusive(toDomainKindergarten(k), { schoolYear: input.schoolYear, monthlyFeeFen: fen(monthlyFeeFen), decidedOn: ctx.today }, DEFAULT_INCLUSIVE_POLICIES);
    if (!result.ok) throw refusal(result.error);
    const event = result.value.events[0]!;
    const capFen = Number((event.payload as { capFen: number }).capFen);
    k.recognitions = [
      ...(k.recognitions ?? []),
      { schoolYear: input.schoolYear, monthlyFeeFen, capFen, decidedOn: ctx.today, documentNo: input.decision.documentNo, decidedBy: ctx.actor.id },
    ];
    if (input.schoolYear === schoolYearOn(ctx.today)) k.inclusive = true;
    queue(tx, ctx, k, result.value.events);
    await tx.flush();
    return toKindergartenView(k);
  });
}
