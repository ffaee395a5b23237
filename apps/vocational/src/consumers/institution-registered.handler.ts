import type { EventHandler } from '@edugraph/events';
import { emitEvent } from '@edugraph/events';
import type { InstitutionRegisteredV1 } from '@edugraph/contracts';
import { VocationalSchool } from '../entities/vocational-school.entity.ts';

/** A newly registered VOCATIONAL institution becomes a school that can publish programmes. */
export const institutionRegisteredHandler: EventHandler = async (em, envelope) => {
  const payload = envelope.payload as InstitutionRegisteredV1;
  if (payload.level !== 'VOCATIONAL') return;
  if (await em.findOne(VocationalSchool, { institutionId: payload.institutionId })) return;
  em.create(VocationalSchool, { institutionId: payload.institutionId, name: payload.name, districtCode: payload.districtCode, openedAt: new Date() });
  emitEvent(em, {
    type: 'vocational.school.opened',
    aggregateType: 'VocationalSchool',
    aggregateId: payload.institutionId,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.id,
    payload: { institutionId: payload.institutionId },
  });
};
