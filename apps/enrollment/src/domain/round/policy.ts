// The placement policy as data: the plan gives no rule for demand above seats, so the city sets one
// it can publish and defend (DOMAIN.md §1): owner-occupiers before renters, then longer residence,
// then a lottery with a published seed inside each tier. Another city replaces this table.
import type { PlacementRules } from '../placement/index.ts';

export interface PlacementPolicy {
  readonly rules: PlacementRules;
  readonly basis: string;
}

export const DEFAULT_PLACEMENT_POLICY: PlacementPolicy = {
  rules: {
    priority: [
      { kind: 'tenure', order: ['OWNER', 'RENTER'] },
      { kind: 'residenceMonths', atLeastMonths: [36, 12] },
    ],
    // A child is not sent across the city: reassignment reaches districts within 15 km, else the waitlist.
    maxReassignmentKm: 15,
  },
  basis: '随迁子女入学工作方案：居住地学区内学校为主、学区外学校调剂为辅；超额时自有住房优先于租房，居住满3年、满1年依次优先，同档公开摇号；调剂学区不超过15公里。',
};
