import type { EventHandler } from '@edugraph/events';
import type { LicenceIssuedV1 } from '@edugraph/contracts';
import { handleCase } from '../domain/index.ts';
import { queueEvents } from '../application/planning-support.ts';
import { saveCase, toCase } from '../application/unlicensed-case.view.ts';
import { UnlicensedCaseRow } from '../entities/planning.entities.ts';

/**
 * Licensing issued the licence preschool asked for with preschool.case.passed: the envelope's
 * causationId is that event's id (kept on the case as licenceRequestEventId), so the case is found
 * without a field the licence contract does not have. The case becomes LICENSED
 * (preschool.case.licensed). Any other licence (a private school's establishment) is not ours.
 */
export const licenceIssuedHandler: EventHandler = async (em, envelope) => {
  if (!envelope.causationId) return;
  const row = await em.findOne(UnlicensedCaseRow, { licenceRequestEventId: envelope.causationId });
  if (!row || row.state !== 'PASSED') return;
  const payload = envelope.payload as LicenceIssuedV1;
  const result = handleCase(toCase(row), { type: 'licenceIssued', licenceNumber: payload.licenceNumber, institutionId: payload.institutionId, on: payload.issuedOn });
  if (!result.ok) throw new Error(`case ${row.id}: ${result.error.code} ${result.error.message}`);
  saveCase(row, result.value.state);
  queueEvents(em, { actor: envelope.actor, correlationId: envelope.correlationId, causationId: envelope.id }, { type: 'UnlicensedCase', id: row.id }, result.value.events);
};
