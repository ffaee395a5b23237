import type { EventHandler } from '@edugraph/events';
import { emitEvent } from '@edugraph/events';
import type { InstitutionRegisteredV1 } from '@edugraph/contracts';
import { isEnrollingLevel } from '../domain/seat-capacity.rules.ts';
import { School } from '../entities/school.entity.ts';

/** A newly registered primary or junior school becomes a school that can offer seats. */
export const institutionRegisteredHandler: EventHandler = async (em, envelope) => {
  const payload = envelope.payload as InstitutionRegisteredV1;
  if (!isEnrollingLevel(payload.level)) return;
  if (await em.findOne(School, { institutionId: payload.institutionId })) return;
  em.create(School, {
    institutionId: payload.institutionId,
    name: payload.name,
    level: payload.level,
    districtCode: payload.districtCode,
    openedAt: new Date(),
  });
  emitEvent(em, {
    type: 'enrollment.school.opened',
    aggregateType: 'School',
    aggregateId: payload.institutionId,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.id,
    payload: { institutionId: payload.institutionId, districtCode: payload.districtCode },
  });
};
