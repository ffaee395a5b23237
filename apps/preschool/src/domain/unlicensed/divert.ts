// Diverting children (分流安置): proposals only; staff confirm them with confirmPlacements, which
// re-checks free places at that moment. Nearest first, the case's own district before others.
import { isDueSoon } from '../shared/index.ts';
import type { CalendarDate } from '../shared/index.ts';
import { replacedChildren } from './case.ts';
import type { UnlicensedCase } from './case-types.ts';
import type { UnlicensedPolicy } from './policy.ts';

export interface FreeKindergarten {
  readonly kindergartenId: string;
  readonly districtCode: string;
  /** Distance from the closing kindergarten, in whole metres so the order is exact. */
  readonly distanceMetres: number;
  readonly freePlaces: number;
}

export interface Proposal {
  readonly kindergartenId: string;
  readonly districtCode: string;
  readonly distanceMetres: number;
  readonly children: number;
}

export interface Diversion {
  readonly proposals: readonly Proposal[];
  /** Children for whom no free place was found; the district must create places. */
  readonly unplaced: number;
}

export function divertChildren(c: UnlicensedCase, candidates: readonly FreeKindergarten[]): Diversion {
  let waiting = c.children - replacedChildren(c);
  const ordered = candidates
    .filter((k) => k.freePlaces > 0) // a full kindergarten is never proposed
    .toSorted((a, b) => {
      const home = Number(b.districtCode === c.districtCode) - Number(a.districtCode === c.districtCode);
      return home || a.distanceMetres - b.distanceMetres || a.kindergartenId.localeCompare(b.kindergartenId);
    });
  const proposals: Proposal[] = [];
  for (const k of ordered) {
    if (waiting === 0) break;
    const n = Math.min(waiting, k.freePlaces);
    proposals.push({ kindergartenId: k.kindergartenId, districtCode: k.districtCode, distanceMetres: k.distanceMetres, children: n });
    waiting -= n;
  }
  return { proposals, unplaced: waiting };
}

export interface CaseProgress {
  readonly children: number;
  readonly replaced: number;
  readonly waiting: number;
  readonly rectificationDueSoon: boolean;
  readonly rectificationOverdue: boolean;
}

export function caseProgress(c: UnlicensedCase, today: CalendarDate, policy: UnlicensedPolicy): CaseProgress {
  const replaced = replacedChildren(c);
  const dueOn = c.state === 'RECTIFYING' ? c.rectification?.dueOn : undefined;
  return {
    children: c.children,
    replaced,
    waiting: c.children - replaced,
    rectificationDueSoon: dueOn !== undefined && isDueSoon(dueOn, today, policy.dueSoonDays),
    rectificationOverdue: dueOn !== undefined && today > dueOn,
  };
}
