import type { EventHandler } from '@edugraph/events';
import { emitEvent } from '@edugraph/events';
import type { InstitutionRegisteredV1 } from '@edugraph/contracts';
import { Kindergarten } from '../entities/kindergarten.entity.ts';

/**
 * A newly registered PRESCHOOL institution becomes a kindergarten with no places yet. A public one
 * counts as inclusive from the start; a private one only once recognised.
 */
export const institutionRegisteredHandler: EventHandler = async (em, envelope) => {
  const payload = envelope.payload as InstitutionRegisteredV1;
  if (payload.level !== 'PRESCHOOL') return;
  if (await em.findOne(Kindergarten, { institutionId: payload.institutionId })) return;
  const inclusive = payload.ownership === 'PUBLIC';
  em.create(Kindergarten, {
    institutionId: payload.institutionId,
    name: payload.name,
    ownership: payload.ownership,
    districtCode: payload.districtCode,
    places: 0,
    enrolled: 0,
    inclusive,
  });
  emitEvent(em, {
    type: 'preschool.kindergarten.opened',
    aggregateType: 'Kindergarten',
    aggregateId: payload.institutionId,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.id,
    payload: { institutionId: payload.institutionId, inclusive },
  });
};
