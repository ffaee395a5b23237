import type { EventHandler } from '@edugraph/events';
import type { CapacityProjectCompletedV1 } from '@edugraph/contracts';
import { registerKindergartenFor } from '../application/preschool-registration.ts';

/**
 * A completed NEW_BUILD or COMMUNITY capacity project in preschool is a new public kindergarten:
 * the registry registers it (PRESCHOOL, PUBLIC) and answers licensing.institution.registered with
 * causationId = the completed event's id. A rebuild or upgrade (no registration) is not ours.
 */
export const capacityProjectCompletedHandler: EventHandler = async (em, envelope) => {
  const payload = envelope.payload as CapacityProjectCompletedV1;
  if (!payload.registration) return;
  await registerKindergartenFor(em, envelope, { name: payload.registration.name, districtCode: payload.registration.districtCode, ownership: 'PUBLIC', address: null });
};
