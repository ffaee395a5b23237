import type { EventHandler } from '@edugraph/events';
import type { InstitutionRegisteredV1 } from '@edugraph/contracts';
import { KnownInstitution } from '../entities/known-institution.entity.ts';

/** Every registered institution can be rated; feedback keeps its own list of them. */
export const institutionRegisteredHandler: EventHandler = async (em, envelope) => {
  const payload = envelope.payload as InstitutionRegisteredV1;
  if (await em.findOne(KnownInstitution, { institutionId: payload.institutionId })) return;
  em.create(KnownInstitution, { institutionId: payload.institutionId, name: payload.name, ratings: 0, scoreSum: 0, badReviews: 0, fixedBadReviews: 0 });
};
