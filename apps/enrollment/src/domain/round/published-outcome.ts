// An outcome as a round publishes it: pseudonymous, with the lottery facts anyone can check. The
// round stores these, and anyone re-running it from the public data compares against them.
import type { PlacementOutcome } from '../placement/index.ts';

export interface PublishedOutcome {
  readonly applicationId: string;
  readonly kind: PlacementOutcome['status'];
  readonly schoolId: string | null;
  readonly districtCode: string | null;
  readonly tier: number | null;
  readonly lotteryTicket: string | null;
  readonly lotteryRank: number | null;
}

export function publishedOutcome(o: PlacementOutcome): PublishedOutcome {
  return {
    applicationId: o.applicationId,
    kind: o.status,
    schoolId: 'schoolId' in o ? o.schoolId : null,
    districtCode: 'districtId' in o ? o.districtId : null,
    tier: 'tier' in o ? o.tier : null,
    lotteryTicket: 'lotteryTicket' in o ? o.lotteryTicket : null,
    lotteryRank: 'lotteryRank' in o ? o.lotteryRank : null,
  };
}
