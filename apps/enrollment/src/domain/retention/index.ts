// Public API of personal-data retention for closed applications.
export { DEFAULT_RETENTION_POLICY, retentionEndsOn, retentionExpired } from './retention.ts';
export type { RetentionPolicy } from './retention.ts';
export { DEFAULT_ADMISSION_CYCLE, admissionCycleOver } from './admission-cycle.ts';
export type { AdmissionCyclePolicy } from './admission-cycle.ts';
