// Public API of the application rules: the form, documents, age table and state machine.
export { DEFAULT_AGE_RULES, ageRulesFor, checkAge, deriveGrades, fullYearsOn } from './age-rules.ts';
export type { AgeRuleTable, AgeRuleYear, GradeAgeRule, AgeCheck } from './age-rules.ts';
export { checkApplicationForm, DEFAULT_FORM_POLICY, GUARDIAN_RELATIONS } from './form.ts';
export type { ApplicationForm, FormContext, FormPolicy, GuardianRelation, Sex } from './form.ts';
export { DOCUMENT_KINDS, checkDocument, correctionItems, isExpired, toSubmittedDocuments, unmetRequirements } from './documents.ts';
export type { CorrectionItem, DocumentRecord, DocumentSubmission } from './documents.ts';
export { ALLOWED_FROM, APPLICATION_STATUSES } from './application-types.ts';
export type { ApplicationCommand, ApplicationStatus, CommandType, PlacementRecord, StoredApplication, Transition } from './application-types.ts';
export {
  submitApplication,
  handle,
  addDocument,
  verifyDocument,
  rejectDocument,
  requestDocumentCorrections,
  resubmit,
  recordPlacement,
  respond,
  enrol,
  withdraw,
  close,
} from './application.ts';
export { APPLICATION_EVENTS, completed } from './events.ts';
export type { CompletedStep } from './events.ts';
