import type { EventHandler } from '@edugraph/events';
import type { InstitutionRegisteredV1 } from '@edugraph/contracts';
import { addPlaces } from '../application/capacity-project.commands.ts';
import { Kindergarten } from '../entities/kindergarten.entity.ts';
import { CapacityProjectRow } from '../entities/planning.entities.ts';

/**
 * The second half of a completed NEW_BUILD or COMMUNITY project. Licensing registered the new
 * kindergarten in answer to preschool.capacity-project.completed and put that event's id in the
 * envelope's causationId; the project kept the same id (completedEventId). Runs after
 * institutionRegisteredHandler in the same transaction (the row exists, with 0 places), and gives
 * the kindergarten the project's places with places-set. Any other registration is not ours.
 */
export const capacityProjectRegisteredHandler: EventHandler = async (em, envelope) => {
  if (!envelope.causationId) return;
  const payload = envelope.payload as InstitutionRegisteredV1;
  if (payload.level !== 'PRESCHOOL') return;
  const project = await em.findOne(CapacityProjectRow, { completedEventId: envelope.causationId, state: 'COMPLETED', placesApplied: false });
  if (!project) return;
  const k = await em.findOne(Kindergarten, { institutionId: payload.institutionId });
  if (!k) throw new Error(`kindergarten ${payload.institutionId} was not created before its project's places were applied`);
  addPlaces(em, { actor: envelope.actor, correlationId: envelope.correlationId, causationId: envelope.id }, k, project);
};

/** The registration consumer preschool needs: the kindergarten row first, then a project's places. */
export function withCapacityProjects(registered: EventHandler): EventHandler {
  return async (em, envelope) => {
    await registered(em, envelope);
    await capacityProjectRegisteredHandler(em, envelope);
  };
}
