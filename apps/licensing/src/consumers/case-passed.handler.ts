import type { EventHandler } from '@edugraph/events';
import type { CasePassedV1 } from '@edugraph/contracts';
import { todayInShanghai } from '@edugraph/rules';
import { loadCatalogue } from '../application/matter-catalogue.ts';
import { issueKindergartenLicence, registerKindergartenFor } from '../application/preschool-registration.ts';

/**
 * An unlicensed kindergarten passed preschool's re-inspection: the registry registers it (PRESCHOOL,
 * PRIVATE) and issues its licence in one transaction; both events carry causationId = the passed
 * event's id, which preschool uses to mark the case LICENSED. The licence is issued the day this runs
 * (working days from the re-inspection are reported, 行政许可法 art. 44 allows 10).
 */
export function casePassedHandler(deps: { clock: () => Date }): EventHandler {
  return async (em, envelope) => {
    const payload = envelope.payload as CasePassedV1;
    const today = todayInShanghai(deps.clock());
    const institution = await registerKindergartenFor(em, envelope, { name: payload.name, districtCode: payload.districtCode, ownership: 'PRIVATE', address: payload.address });
    const { calendar } = await loadCatalogue(em);
    const workingDaysAfterApproval = payload.inspectedOn < today ? calendar.workingDaysBetween(payload.inspectedOn, today) : 0;
    await issueKindergartenLicence(em, envelope, institution, { today, caseId: payload.caseId, workingDaysAfterApproval });
  };
}
