import type { EventHandler } from '@edugraph/events';
import type { InstitutionChangedV1, InstitutionRetiredV1 } from '@edugraph/contracts';
import { isEnrollingLevel } from '../domain/seat-capacity.rules.ts';
import { School } from '../entities/school.entity.ts';

/**
 * A school renamed or changed in level keeps enrollment's copy true: the name parents read in
 * their explanations, and whether it teaches primary or junior grades (a level it no longer
 * enrols closes it here). Registrations are handled by institutionRegisteredHandler.
 */
export const institutionChangedHandler: EventHandler = async (em, envelope) => {
  const { institutionId, changes } = envelope.payload as InstitutionChangedV1;
  const school = await em.findOne(School, { institutionId });
  if (!school) return;
  if (changes.name) school.name = changes.name;
  if (changes.level) {
    school.level = changes.level;
    if (!isEnrollingLevel(changes.level)) school.closedAt ??= new Date(envelope.occurredAt);
  }
};

/** A merged or terminated school takes no more children: it leaves every later round. */
export const institutionRetiredHandler: EventHandler = async (em, envelope) => {
  const { institutionId } = envelope.payload as InstitutionRetiredV1;
  const school = await em.findOne(School, { institutionId });
  if (school) school.closedAt ??= new Date(envelope.occurredAt);
};
