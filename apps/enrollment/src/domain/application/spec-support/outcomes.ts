// Engine outcomes written out by hand for the specs.
import type { InDistrictOutcome, IneligibleOutcome, ReassignedOutcome, WaitlistedOutcome } from '../../placement/index.ts';

const standing = { tier: 1, lotteryTicket: 'ab'.repeat(32), lotteryRank: 1, lotteryPoolSize: 1 };
const base = { homeDistrictId: 'D-CHENGGUAN', grade: 1, batch: 0, explanation: '' };

export const inDistrict = (applicationId: string, more: Partial<InDistrictOutcome> = {}): InDistrictOutcome => ({
  ...base,
  ...standing,
  applicationId,
  status: 'IN_DISTRICT',
  schoolId: 'S1',
  districtId: 'D-CHENGGUAN',
  choice: 1,
  rankedByFamily: true,
  fullEarlierChoices: [],
  ...more,
});

export const reassigned = (applicationId: string, more: Partial<ReassignedOutcome> = {}): ReassignedOutcome => ({
  ...base,
  ...standing,
  applicationId,
  status: 'REASSIGNED',
  schoolId: 'S9',
  districtId: 'D-DONGCHENG',
  distanceKm: 12,
  fullDistricts: ['D-CHENGGUAN'],
  ...more,
});

export const waitlisted = (applicationId: string, more: Partial<WaitlistedOutcome> = {}): WaitlistedOutcome => ({
  ...base,
  ...standing,
  applicationId,
  status: 'WAITLISTED',
  fullDistricts: ['D-CHENGGUAN', 'D-DONGCHENG'],
  ...more,
});

export const ineligible = (applicationId: string, more: Partial<IneligibleOutcome> = {}): IneligibleOutcome => ({
  ...base,
  applicationId,
  status: 'INELIGIBLE',
  unmetRequirements: [{ acceptable: ['PARENT_WORK_PROOF'], submitted: [] }],
  ...more,
});
