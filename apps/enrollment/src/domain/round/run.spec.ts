import { describe, expect, it } from 'vitest';
import type { DocumentRecord, StoredApplication } from '../application/index.ts';
import { validForm } from '../application/spec-support/fixtures.ts';
import type { City, PlacementRules } from '../placement/index.ts';
import { runRound } from './run.ts';
import { seedCommitment } from './seed.ts';
import { roundSummary } from './summary.ts';

const verified = (kind: DocumentRecord['kind']): DocumentRecord => ({ id: kind, kind, number: 'n', issuer: 'i', status: 'VERIFIED' });
const app = (id: string, district: string, documents = [verified('HOUSEHOLD_REGISTER'), verified('PROPERTY_CERTIFICATE')]): StoredApplication => ({
  id,
  status: 'READY',
  form: validForm({ housing: 'OWNER', residenceDistrictCode: district, rankedSchoolIds: [] }),
  submittedOn: '2026-05-10',
  documents,
  noticesSent: 0,
  addedSinceNotice: 0,
});

const city: City = {
  schools: [
    { id: 'S-A', districtId: 'A', seatsByGrade: { 1: 1 } },
    { id: 'S-B', districtId: 'B', seatsByGrade: { 1: 1 } },
  ],
  distances: [{ fromDistrictId: 'A', toDistrictId: 'B', km: 5 }],
};
const rules: PlacementRules = { priority: [{ kind: 'tenure', order: ['OWNER', 'RENTER'] }] };
const applications = [app('A1', 'A'), app('A2', 'A'), app('A3', 'A'), app('A4', 'A', [verified('HOUSEHOLD_REGISTER')])];
const SEED = 'seed-2026';

describe('running a round', () => {
  it('places from stored data, and anyone re-running with the published seed gets the same outcomes', () => {
    const round = { id: 'R', year: 2026, seedHash: seedCommitment(SEED) };
    const first = runRound(round, SEED, '2026-07-01', { city, rules, applications });
    const again = runRound(round, SEED, '2026-07-02', { city, rules, applications });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(JSON.stringify(again.value.result.outcomes)).toBe(JSON.stringify(first.value.result.outcomes));
    expect(roundSummary(first.value.result.outcomes)).toEqual({
      placedCount: 2,
      inDistrictCount: 1,
      reassignedCount: 1,
      waitlistedCount: 1,
      ineligibleCount: 1,
      total: 4,
    });
    const twice = runRound(first.value.round, SEED, '2026-07-03', { city, rules, applications });
    expect(!twice.ok && twice.error.code).toBe('ROUND_ALREADY_RUN');
  });

  it('does not run with a seed other than the committed one', () => {
    const result = runRound({ id: 'R', year: 2026, seedHash: seedCommitment(SEED) }, 'chosen-later', '2026-07-01', { city, rules, applications });
    expect(!result.ok && result.error.code).toBe('SEED_MISMATCH');
  });
});
