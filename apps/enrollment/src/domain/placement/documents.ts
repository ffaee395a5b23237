import type { Application, DocumentKind, DocumentRequirements, SubmittedDocument, UnmetRequirement } from './types.ts';

const IDENTITY: readonly DocumentKind[] = ['HOUSEHOLD_REGISTER', 'RESIDENCE_PERMIT'];

/** The bureau's list (DOMAIN.md §1, 严格验证). Another city replaces it through PlacementRules. */
export const DEFAULT_DOCUMENT_REQUIREMENTS: DocumentRequirements = {
  OWNER: [IDENTITY, ['PROPERTY_CERTIFICATE']],
  RENTER: [IDENTITY, ['RENTAL_AGREEMENT'], ['COMMUNITY_RESIDENCE_PROOF'], ['PARENT_WORK_PROOF']],
};

/**
 * Every requirement the application does not meet, all at once (一次性告知), so the family
 * can correct everything in one go. Empty means the application may be placed.
 */
export function unmetDocumentRequirements(application: Application, requirements: DocumentRequirements): UnmetRequirement[] {
  let unmet: UnmetRequirement[] | undefined;
  for (const acceptable of requirements[application.tenure]) {
    if (isMet(application.documents, acceptable)) continue;
    const submitted = application.documents
      .filter((d) => acceptable.includes(d.kind))
      .map((d) =>
        d.status === 'REJECTED'
          ? { kind: d.kind, status: 'REJECTED' as const, rejectionReason: d.rejectionReason ?? 'no reason given' }
          : { kind: d.kind, status: 'PENDING' as const },
      );
    (unmet ??= []).push({ acceptable, submitted });
  }
  return unmet ?? [];
}

// A plain loop: this runs for every requirement of every application, and the common case
// (everything verified) should not allocate.
function isMet(documents: readonly SubmittedDocument[], acceptable: readonly DocumentKind[]): boolean {
  for (const document of documents) if (document.status === 'VERIFIED' && acceptable.includes(document.kind)) return true;
  return false;
}
