import { unmetRequirements } from '../domain/application/index.ts';
import type { StoredApplication } from '../domain/application/index.ts';
import type { Application } from '../entities/application.entity.ts';
import { maskDocumentNumber, maskedPeople } from './personal-data.ts';

/** An application as the API shows it: every personal value masked. */
export function toApplicationView(row: Application, application: StoredApplication) {
  const { form } = application;
  const people = maskedPeople(form);
  const unmet = unmetRequirements(form.housing, application.documents);
  return {
    id: row.id,
    guardianId: row.guardianId,
    year: form.year,
    grade: form.grade,
    status: application.status,
    child: people.child,
    guardians: people.guardians,
    residenceDistrictCode: form.residenceDistrictCode,
    housing: form.housing,
    residenceSince: form.residenceSince,
    rankedSchoolIds: form.rankedSchoolIds,
    documents: application.documents.map((d) => ({
      id: d.id,
      type: d.kind,
      number: maskDocumentNumber(d.number),
      issuer: d.issuer,
      validUntil: d.validUntil ?? null,
      status: d.status,
      rejectionReason: d.rejectionReason ?? null,
    })),
    missingDocuments: unmet.map((u) => u.acceptable.join(' | ')),
    noticesSent: application.noticesSent,
    studentId: application.studentId ?? null,
    submittedOn: application.submittedOn,
    placement: row.placementKind
      ? {
          applicationId: row.id,
          kind: row.placementKind,
          schoolId: row.placementSchoolId ?? null,
          districtCode: row.placementDistrictCode ?? null,
          explanation: row.explanationZh ?? '',
          explanationEn: row.explanationEn ?? '',
          roundId: row.roundId ?? null,
        }
      : null,
  };
}
export type ApplicationView = ReturnType<typeof toApplicationView>;
