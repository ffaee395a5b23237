import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '@edugraph/contracts';
import { emitEvent } from '@edugraph/events';
import { newId } from '@edugraph/persistence';
import { addDays } from '@edugraph/rules';
import { SEED_SERVICE_ITEMS } from '../../domain/review/index.ts';
import { reviewPolicyOn } from '../policy-settings.ts';
import { ServiceItemRecord, ServiceMatter } from '../../entities/review.entities.ts';

export interface CompletedMatter {
  /** Names the completion: the same key again (a redelivered or replayed event) invites no one. */
  sourceKey: string;
  service: 'licensing' | 'enrollment' | 'preschool' | 'feedback';
  itemCode: string;
  /** The office responsible, when the event says it; else the item's. */
  office: string | null;
  applicantId: string;
  institutionId: string | null;
  completedOn: string;
}

/** The catalogue row of an item: seeded on first use, or learnt from the event that names it. */
async function serviceItem(em: EntityManager, code: string, office: string | null, service: CompletedMatter['service']): Promise<ServiceItemRecord> {
  const known = await em.findOne(ServiceItemRecord, { code });
  if (known) return known;
  const seed = SEED_SERVICE_ITEMS.find((i) => i.code === code);
  return em.create(ServiceItemRecord, seed ? { ...seed } : { code, name: code, office: office ?? 'SERVICE_HALL', service });
}

/**
 * Records a rateable matter and invites its applicant (feedback.matter.invited), once per
 * completion. Called by the consumers, in the transaction that records the event in the inbox.
 */
export async function recordCompletedMatter(em: EntityManager, matter: CompletedMatter, context: { actor: EventEnvelope['actor']; correlationId: string; causationId: string }): Promise<void> {
  if (await em.findOne(ServiceMatter, { sourceKey: matter.sourceKey })) return;
  const item = await serviceItem(em, matter.itemCode, matter.office, matter.service);
  const office = matter.office ?? item.office;
  // The window of the rules in force on the day the matter was completed.
  const closesOn = addDays(matter.completedOn, (await reviewPolicyOn(em, matter.completedOn)).ratingWindowDays);
  const record = em.create(ServiceMatter, {
    id: newId(),
    sourceKey: matter.sourceKey,
    service: matter.service,
    itemCode: item.code,
    office,
    applicantId: matter.applicantId,
    institutionId: matter.institutionId,
    completedOn: matter.completedOn,
    closesOn,
    ratingId: null,
    invitedAt: new Date(),
  });
  emitEvent(em, {
    type: 'feedback.matter.invited',
    aggregateType: 'ServiceMatter',
    aggregateId: record.id,
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    payload: { matterId: record.id, service: matter.service, serviceItem: item.code, office, applicantId: matter.applicantId, completedOn: matter.completedOn, closesOn },
  });
}
