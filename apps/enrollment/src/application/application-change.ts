import type { EntityManager } from '@mikro-orm/core';
import type { PiiCipher } from '@edugraph/auth';
import { emitEvent } from '@edugraph/events';
import type { EventType } from '@edugraph/contracts';
import { AppError } from '@edugraph/platform';
import type { UseCaseContext } from '@edugraph/platform';
import type { CalendarDate } from '@edugraph/rules';
import { handle } from '../domain/application/index.ts';
import type { ApplicationCommand, StoredApplication } from '../domain/application/index.ts';
import type { DomainEvent, Refusal } from '../domain/shared/index.ts';
import { Application } from '../entities/application.entity.ts';
import { seal, unseal } from './personal-data.ts';

/** What the enrollment use cases need besides the request: today and the personal-data cipher. */
export interface EnrollmentContext extends UseCaseContext {
  today: CalendarDate;
  cipher: PiiCipher;
}

export function refusal(error: Refusal): AppError {
  return new AppError(error.code, error.message, { ...(error.details ?? {}), ...(error.problems ? { problems: error.problems } : {}) });
}

/** Stores the state sealed; status and placement go to their columns, which are what is read back. */
export function saveApplication(row: Application, application: StoredApplication, cipher: PiiCipher): void {
  row.state = seal(application, cipher);
  savePlacement(row, application);
  if (application.closedOn) row.closedOn = application.closedOn;
}

/** The columns a round writes for each application: status and placement, not the sealed state. */
export function savePlacement(row: Application, application: StoredApplication): void {
  row.status = application.status;
  const placement = application.placement;
  row.placementKind = placement?.status ?? null;
  row.placementSchoolId = placement?.schoolId ?? null;
  row.placementDistrictCode = placement?.districtId ?? null;
  row.placementBatch = placement?.batch ?? null;
}

/** The domain's application from a row: the state, with the status and placement its columns hold. */
export function stateOf(row: Pick<Application, 'state' | 'status' | 'placementKind' | 'placementSchoolId' | 'placementDistrictCode' | 'placementBatch'>): StoredApplication {
  const stored = row.state as unknown as StoredApplication;
  const placement = row.placementKind
    ? {
        status: row.placementKind as NonNullable<StoredApplication['placement']>['status'],
        batch: row.placementBatch ?? 0,
        ...(row.placementSchoolId ? { schoolId: row.placementSchoolId } : {}),
        ...(row.placementDistrictCode ? { districtId: row.placementDistrictCode } : {}),
      }
    : undefined;
  const { placement: _stale, ...rest } = stored;
  return { ...rest, status: row.status as StoredApplication['status'], ...(placement ? { placement } : {}) };
}

/** stateOf with the personal values decrypted. */
export function applicationOf(row: Application, cipher: PiiCipher): StoredApplication {
  const { status, placement } = stateOf(row);
  const { placement: _stale, ...rest } = unseal(row.state, cipher);
  return { ...rest, status, ...(placement ? { placement } : {}) };
}

/**
 * Queues the state machine's events. A completed step names the guardian to invite (the feedback
 * service rates it) and the day; nothing personal travels.
 */
export function queueApplicationEvents(tx: EntityManager, ctx: Pick<EnrollmentContext, 'actor' | 'correlationId' | 'today'>, row: Application, events: readonly DomainEvent[]): void {
  for (const e of events) {
    const extra = e.type === 'enrollment.application.completed' ? { applicantId: row.guardianId, completedOn: ctx.today } : {};
    emitEvent(tx, { type: e.type as EventType, aggregateType: 'Application', aggregateId: row.id, actor: ctx.actor, correlationId: ctx.correlationId, payload: { ...e.payload, ...extra } as never });
  }
}

/** One command on one application in one transaction; a refusal changes nothing; two at once conflict on the version. */
export async function changeApplication(
  ctx: EnrollmentContext,
  id: string,
  o: { authorize(row: Application, application: StoredApplication): void; command(application: StoredApplication, tx: EntityManager): ApplicationCommand | Promise<ApplicationCommand> },
  after?: (tx: EntityManager, row: Application, application: StoredApplication) => Promise<void>,
): Promise<{ row: Application; application: StoredApplication }> {
  return ctx.em.fork().transactional(async (tx) => {
    const row = await tx.findOne(Application, { id });
    if (!row) throw new AppError('NOT_FOUND', 'No application has this id.');
    const current = applicationOf(row, ctx.cipher);
    o.authorize(row, current);
    const step = handle(current, await o.command(current, tx));
    if (!step.ok) throw refusal(step.error);
    saveApplication(row, step.value.application, ctx.cipher);
    await after?.(tx, row, step.value.application);
    queueApplicationEvents(tx, ctx, row, step.value.events);
    await tx.flush();
    return { row, application: step.value.application };
  });
}
