import type { EntityManager } from '@mikro-orm/core';
import { emitEvent } from '@edugraph/events';
import type { EventType } from '@edugraph/contracts';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import { handleMatterCommand, matterClockView } from '../domain/matter/index.ts';
import type { MatterCommand, MatterEvent, MatterState, MatterType } from '../domain/matter/index.ts';
import { Matter } from '../entities/matter.entity.ts';
import { loadCatalogue, matterTypeOf } from './matter-catalogue.ts';
import type { Catalogue } from './matter-catalogue.ts';
import { stateOf, toMatterView } from './matter.view.ts';
import type { MatterView } from './matter.view.ts';

/** A use case's context plus today's date in Asia/Shanghai, which every clock counts from. */
export interface MatterUseCaseContext extends UseCaseContext {
  today: CalendarDate;
}

export interface MatterStep {
  tx: EntityManager;
  row: Matter;
  type: MatterType;
  catalogue: Catalogue;
}

/**
 * Applies one command to a matter in one transaction: load, authorise, let the state machine decide,
 * store the new state with its searchable columns, queue its events, and run the command's effects
 * (the registry's, for a decision) in the same transaction. A refusal changes nothing; two changes
 * at once conflict on the row's version (CONFLICT), so nothing is decided twice.
 */
export async function changeMatter(
  ctx: MatterUseCaseContext,
  matterId: string,
  o: {
    authorize(step: MatterStep): void | Promise<void>;
    command(step: MatterStep): MatterCommand | Promise<MatterCommand>;
    effects?(step: MatterStep & { before: MatterState; after: MatterState }): Promise<void>;
  },
): Promise<MatterView> {
  return ctx.em.fork().transactional(async (tx) => {
    const row = await tx.findOne(Matter, { id: matterId });
    if (!row) throw new AppError('NOT_FOUND', 'No licensing matter has this id.');
    const catalogue = await loadCatalogue(tx);
    const step: MatterStep = { tx, row, type: matterTypeOf(catalogue, row.typeCode), catalogue };
    await o.authorize(step);
    const before = stateOf(row);
    const result = handleMatterCommand(before, await o.command(step), { today: ctx.today, calendar: catalogue.calendar, requirements: step.type });
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details ? { ...result.error.details } : undefined);
    saveState(row, result.value.state, catalogue, ctx.today);
    // Effects first: an approval may register the school the matter's completion then names.
    await o.effects?.({ ...step, before, after: result.value.state });
    queueMatterEvents(tx, ctx, row, step.type, result.value.events);
    await tx.flush();
    return toMatterView(row, catalogue, ctx.today);
  });
}

/** Stores a state and the columns copied from it (lists filter on them, the clock job looks for them). */
export function saveState(row: Matter, state: MatterState, catalogue: Catalogue, today: CalendarDate): void {
  row.state = state as unknown as Record<string, unknown>;
  row.status = state.status;
  row.institutionId = state.institutionId;
  const clock = matterClockView(state, today, catalogue.calendar);
  const running = clock.ok && clock.value !== null && clock.value.status !== 'STOPPED';
  row.dueOn = running ? clock.value!.dueOn : null;
}

/** Queues the state machine's events, with what consumers need that the machine does not know. */
export function queueMatterEvents(tx: EntityManager, ctx: Pick<UseCaseContext, 'actor' | 'correlationId'>, row: Matter, type: MatterType, events: readonly MatterEvent[]): void {
  for (const event of events) {
    const extra =
      event.type === 'licensing.matter.completed'
        ? { applicantId: row.startedBy, serviceItem: type.serviceCode, office: type.responsibleOffice, institutionId: row.institutionId ?? null }
        : event.type === 'licensing.matter.overdue'
          ? { typeCode: type.code, office: type.responsibleOffice, authority: type.authority }
          : {};
    emitEvent(tx, {
      type: event.type as EventType,
      aggregateType: 'Matter',
      aggregateId: row.id,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      payload: { ...event.payload, ...extra } as never,
    });
  }
}
