// Documents a guardian hands in, and the one correction notice that lists everything to fix.
import { isCalendarDate } from '@edugraph/rules';
import type { CalendarDate } from '@edugraph/rules';
import { DEFAULT_DOCUMENT_REQUIREMENTS, unmetDocumentRequirements } from '../placement/index.ts';
import type { DocumentKind, DocumentRequirements, DocumentStatus, SubmittedDocument, Tenure, UnmetRequirement } from '../placement/index.ts';
import type { Problem } from '../shared/index.ts';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'HOUSEHOLD_REGISTER',
  'RESIDENCE_PERMIT',
  'PROPERTY_CERTIFICATE',
  'RENTAL_AGREEMENT',
  'COMMUNITY_RESIDENCE_PROOF',
  'PARENT_WORK_PROOF',
];

/** What the guardian declares for one document. */
export interface DocumentSubmission {
  /** Chosen by the caller (e.g. a UUID), so adding stays pure. */
  readonly id: string;
  readonly kind: DocumentKind;
  readonly number: string;
  readonly issuer: string;
  /** Absent for documents without an end date (户口簿, 房产证). */
  readonly validUntil?: CalendarDate;
}

export interface DocumentRecord extends DocumentSubmission {
  readonly status: DocumentStatus;
  readonly rejectionReason?: string;
}

/** Every problem of one submission; a validUntil before today makes it unacceptable (EXPIRED). */
export function checkDocument(document: DocumentSubmission, today: CalendarDate): Problem[] {
  const problems: Problem[] = [];
  if (typeof document.id !== 'string' || document.id.trim() === '') problems.push({ field: 'id', code: 'REQUIRED', message: 'a document id' });
  if (!DOCUMENT_KINDS.includes(document.kind)) {
    problems.push({ field: 'kind', code: 'UNKNOWN_DOCUMENT_KIND', message: `one of ${DOCUMENT_KINDS.join(', ')}` });
  }
  if (typeof document.number !== 'string' || document.number.trim() === '') problems.push({ field: 'number', code: 'REQUIRED', message: 'the document number' });
  if (typeof document.issuer !== 'string' || document.issuer.trim() === '') problems.push({ field: 'issuer', code: 'REQUIRED', message: 'who issued the document' });
  if (document.validUntil !== undefined) {
    if (!isCalendarDate(document.validUntil)) problems.push({ field: 'validUntil', code: 'INVALID_DATE', message: 'expected a date as YYYY-MM-DD' });
    else if (isExpired(document, today)) {
      problems.push({ field: 'validUntil', code: 'EXPIRED', message: `expired on ${document.validUntil}; today is ${today}` });
    }
  }
  return problems;
}

/** A document valid until a day is still good on that day. */
export function isExpired(document: Pick<DocumentSubmission, 'validUntil'>, today: CalendarDate): boolean {
  return document.validUntil !== undefined && document.validUntil < today;
}

/** The engine's view of the documents: kind and status only. */
export function toSubmittedDocuments(documents: readonly DocumentRecord[]): SubmittedDocument[] {
  return documents.map((d) =>
    d.rejectionReason === undefined ? { kind: d.kind, status: d.status } : { kind: d.kind, status: d.status, rejectionReason: d.rejectionReason },
  );
}

/** Every requirement not yet met by a verified document, reusing the engine's rule. */
export function unmetRequirements(
  tenure: Tenure,
  documents: readonly DocumentRecord[],
  requirements: DocumentRequirements = DEFAULT_DOCUMENT_REQUIREMENTS,
): UnmetRequirement[] {
  return unmetDocumentRequirements(
    { id: '', homeDistrictId: '', grade: 0, tenure, residenceMonths: 0, documents: toSubmittedDocuments(documents) },
    requirements,
  );
}

/** One line per unmet requirement: what would meet it and what is wrong with what was handed in. */
export interface CorrectionItem {
  readonly acceptable: readonly DocumentKind[];
  readonly problem: 'MISSING' | 'REJECTED';
  readonly reasons: readonly string[];
}

export function correctionItems(unmet: readonly UnmetRequirement[]): CorrectionItem[] {
  return unmet.map((requirement) => {
    const reasons = requirement.submitted.filter((s) => s.status === 'REJECTED').map((s) => `${s.kind}: ${s.rejectionReason ?? 'rejected'}`);
    return { acceptable: requirement.acceptable, problem: reasons.length > 0 ? 'REJECTED' : 'MISSING', reasons };
  });
}
