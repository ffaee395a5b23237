import { LockMode } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import { newId } from '@edugraph/persistence';
import { AppError, idInput, parseInput, requireRole } from '@edugraph/platform';
import { checkPublication, checkRoster, checkTraining, mayKeepRosters, mayPublish, rosterChange, ROSTER_OFFICE, STANDARDS_OFFICE } from '../../domain/standards/index.ts';
import { OfficeRosterRecord, ServiceStandardRecord, StandardTrainingRecord, StandardVersionRecord } from '../../entities/standard.entities.ts';
import { OFFICE_CODES, isConflict, officeName, refusal, requireItem, todayOf, unknownOffice } from './standards-context.ts';
import type { StandardsContext } from './standards-context.ts';
import { toStandardView, toTrainingView } from './standards.view.ts';
import type { RosterView, StandardView, TrainingView } from './standards.view.ts';

const eventRef = (ctx: StandardsContext, aggregateType: string, aggregateId: string) => ({
  actor: { id: ctx.actor.id, kind: ctx.actor.kind },
  correlationId: ctx.correlationId,
  aggregateType,
  aggregateId,
});

export interface PublishStandardArgs {
  itemCode: string;
  version: string;
  text: string;
  effectiveOn: string;
}

/**
 * Publishes a version of a service item's standard (feedback.standard.published): staff of the
 * item's office or of POLICY_LAW; it takes effect after every version already published. The
 * item's standard row is saved under its version, so two staff publishing for one item at once go
 * one after the other (the second: CONFLICT) and never both pass the overlap check.
 */
export async function publishServiceStandard(ctx: StandardsContext, args: PublishStandardArgs): Promise<StandardView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'publish a service standard');
  const item = await requireItem(ctx.em, args.itemCode);
  if (!mayPublish(ctx.actor.office, item.office)) {
    throw new AppError('FORBIDDEN', `Only staff of ${item.office}, the office responsible for ${item.code}, or of ${STANDARDS_OFFICE} may publish its standard.`);
  }
  const today = todayOf(ctx);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      const versions = await tx.find(StandardVersionRecord, { itemCode: item.code }, { orderBy: { effectiveOn: 'asc' } });
      const checked = checkPublication(versions, args, today);
      if (!checked.ok) throw refusal(checked.error);
      const { version, text, effectiveOn } = checked.value;
      const series = await tx.findOne(ServiceStandardRecord, { itemCode: item.code });
      if (series) Object.assign(series, { versionCount: series.versionCount + 1, latestEffectiveOn: effectiveOn, office: item.office });
      else tx.create(ServiceStandardRecord, { id: newId(), itemCode: item.code, office: item.office, versionCount: 1, latestEffectiveOn: effectiveOn });
      const row = tx.create(StandardVersionRecord, { id: newId(), itemCode: item.code, office: item.office, version, text, effectiveOn, publishedOn: today, publishedBy: ctx.actor.id });
      const previous = versions.at(-1) ?? null;
      emitEvent(tx, {
        ...eventRef(ctx, 'ServiceStandard', row.id),
        type: 'feedback.standard.published',
        payload: { standardId: row.id, itemCode: item.code, office: item.office, version, effectiveOn, supersedes: previous?.id ?? null },
      });
      await tx.flush();
      return toStandardView(row, [...versions, row], item.name, today);
    });
  } catch (error) {
    if (isConflict(error)) throw new AppError('CONFLICT', `Someone published a version of ${item.code}'s standard at the same moment; read its versions again and retry.`);
    throw error;
  }
}

export interface SetOfficeStaffArgs {
  office: string;
  staff: readonly { id: string; name: string }[];
}

/**
 * POLICY_LAW sets an office's staff roster, replacing it whole (feedback.office-staff.set, ids
 * only). A person is on one office's roster at a time. Saved under the roster's version: two staff
 * setting one office's roster at once go one after the other (the second: CONFLICT).
 */
export async function setOfficeStaff(ctx: StandardsContext, args: SetOfficeStaffArgs): Promise<RosterView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], "set an office's staff roster");
  if (!mayKeepRosters(ctx.actor.office)) throw new AppError('FORBIDDEN', `Only staff of ${ROSTER_OFFICE} (优化办) keep the offices' staff rosters.`);
  if (!OFFICE_CODES.includes(args.office)) throw unknownOffice(args.office);
  const today = todayOf(ctx);
  try {
    return await ctx.em.fork().transactional(async (tx) => {
      // Every roster is locked (PostgreSQL; SQLite runs one transaction at a time): two offices'
      // rosters set at once are checked one after the other, so one person never lands on both.
      const rosters = await tx.find(OfficeRosterRecord, {}, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const elsewhere = new Map(rosters.filter((r) => r.office !== args.office).flatMap((r) => r.staff.map((s) => [s.id, r.office] as const)));
      const checked = checkRoster(args.office, args.staff, OFFICE_CODES, elsewhere);
      if (!checked.ok) throw refusal(checked.error);
      const staff = checked.value;
      let row = rosters.find((r) => r.office === args.office);
      const change = rosterChange(row?.staff ?? [], staff);
      if (row) Object.assign(row, { staff, setOn: today, setBy: ctx.actor.id });
      else row = tx.create(OfficeRosterRecord, { id: newId(), office: args.office, staff, setOn: today, setBy: ctx.actor.id });
      emitEvent(tx, { ...eventRef(ctx, 'OfficeRoster', row.id), type: 'feedback.office-staff.set', payload: { office: args.office, staffIds: staff.map((s) => s.id), ...change } });
      await tx.flush();
      return { office: args.office, officeName: officeName(args.office), staff, setOn: today };
    });
  } catch (error) {
    if (isConflict(error)) throw new AppError('CONFLICT', `Someone set ${args.office}'s roster at the same moment; read it again and retry.`);
    throw error;
  }
}

export interface RecordTrainingArgs {
  standardId?: string | null;
  itemCode?: string | null;
  version?: string | null;
  heldOn: string;
  trainer: string;
  attendees: readonly string[];
}

const standardIdInput = idInput();

/**
 * Bureau staff record a training held on one version of a standard — named by its id, or by item
 * code and version — with its attendees, each on an office's roster (feedback.training.recorded).
 */
export async function recordTraining(ctx: StandardsContext, args: RecordTrainingArgs): Promise<TrainingView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'record a training');
  const byId = args.standardId != null && args.standardId !== '';
  const byItem = args.itemCode != null || args.version != null;
  if (byId === byItem || (byItem && (!args.itemCode || !args.version))) {
    throw new AppError('BAD_USER_INPUT', 'Name the standard trained on either by standardId, or by itemCode and version (not both).');
  }
  let standard: StandardVersionRecord | null;
  if (byId) {
    standard = await ctx.em.findOne(StandardVersionRecord, { id: parseInput(standardIdInput, args.standardId) });
    if (!standard) throw new AppError('NOT_FOUND', 'No published standard with this id.');
  } else {
    const item = await requireItem(ctx.em, args.itemCode!);
    const version = args.version!.normalize('NFKC').trim();
    standard = await ctx.em.findOne(StandardVersionRecord, { itemCode: item.code, version });
    if (!standard) throw new AppError('NOT_FOUND', `${item.code} has no published standard version ${JSON.stringify(version)}.`);
  }
  // As for publishing: the item's own office, or the office that keeps the standards.
  if (!mayPublish(ctx.actor.office, standard.office)) {
    throw new AppError('FORBIDDEN', `Only staff of ${standard.office} or ${STANDARDS_OFFICE} may record a training on this standard.`);
  }
  const today = todayOf(ctx);
  const found = standard;
  return ctx.em.fork().transactional(async (tx) => {
    const rostered = new Set((await tx.find(OfficeRosterRecord, {})).flatMap((r) => r.staff.map((s) => s.id)));
    const checked = checkTraining(args, found, rostered, today);
    if (!checked.ok) throw refusal(checked.error);
    const { heldOn, trainer, attendees } = checked.value;
    const row = tx.create(StandardTrainingRecord, {
      id: newId(),
      standardId: found.id,
      itemCode: found.itemCode,
      office: found.office,
      version: found.version,
      heldOn,
      trainer,
      attendees: [...attendees],
      recordedBy: ctx.actor.id,
    });
    emitEvent(tx, {
      ...eventRef(ctx, 'StandardTraining', row.id),
      type: 'feedback.training.recorded',
      payload: { trainingId: row.id, standardId: found.id, itemCode: found.itemCode, version: found.version, heldOn, attendeeIds: [...attendees] },
    });
    await tx.flush();
    return toTrainingView(row);
  });
}
