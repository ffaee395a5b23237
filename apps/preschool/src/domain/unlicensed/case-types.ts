// An unlicensed kindergarten found (无证幼儿园) is a case: cleaned up and closed (依法清理整顿) when
// it has serious hazards or no licence basis, otherwise rectified, re-inspected and licensed or closed.
import type { CalendarDate } from '../shared/index.ts';

export type CaseState = 'OPEN' | 'RECTIFYING' | 'PASSED' | 'LICENSED' | 'CLOSING' | 'CLOSED';

export interface Hazard {
  readonly description: string;
  /** A serious safety hazard (重大安全隐患) means closure, whatever else is true. */
  readonly serious: boolean;
}

export interface Placement {
  readonly kindergartenId: string;
  readonly children: number;
  readonly confirmedOn: CalendarDate;
}

export type ClosingReason = 'SERIOUS_HAZARDS' | 'NO_LICENCE_BASIS' | 'FAILED_REINSPECTION' | 'OVERDUE';

export interface UnlicensedCase {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly districtCode: string;
  /** Children attending when it was found; each must end up re-placed before the case closes. */
  readonly children: number;
  readonly hazards: readonly Hazard[];
  readonly state: CaseState;
  /** Set by the assessment: true when it may be rectified rather than closed. */
  readonly rectifiable?: boolean;
  readonly rectification?: { readonly orderedOn: CalendarDate; readonly dueOn: CalendarDate; readonly items: readonly string[] };
  readonly inspections: readonly { readonly on: CalendarDate; readonly passed: boolean; readonly findings: readonly string[] }[];
  readonly placements: readonly Placement[];
  readonly closingReason?: ClosingReason;
  readonly licence?: { readonly licenceNumber: string; readonly institutionId: string; readonly issuedOn: CalendarDate };
  readonly closedOn?: CalendarDate;
}

export type CaseInput = Pick<UnlicensedCase, 'name' | 'address' | 'districtCode' | 'children' | 'hazards'>;

export type CaseCommand =
  | { readonly type: 'assess'; readonly licenceBasis: boolean; readonly on: CalendarDate }
  | { readonly type: 'orderRectification'; readonly dueOn: CalendarDate; readonly items: readonly string[]; readonly on: CalendarDate }
  | { readonly type: 'reinspect'; readonly passed: boolean; readonly findings: readonly string[]; readonly on: CalendarDate }
  | { readonly type: 'closeOverdue'; readonly on: CalendarDate }
  | { readonly type: 'licenceIssued'; readonly licenceNumber: string; readonly institutionId: string; readonly on: CalendarDate }
  | {
      readonly type: 'confirmPlacements';
      readonly placements: readonly { readonly kindergartenId: string; readonly children: number }[];
      /** Free places now, per kindergarten, as seen by staff when confirming. */
      readonly freePlaces: Readonly<Record<string, number>>;
      readonly on: CalendarDate;
    }
  | { readonly type: 'close'; readonly on: CalendarDate };

export const CASE_ALLOWED_FROM: Readonly<Record<CaseCommand['type'], readonly CaseState[]>> = {
  assess: ['OPEN'],
  orderRectification: ['OPEN'],
  reinspect: ['RECTIFYING'],
  closeOverdue: ['RECTIFYING'],
  licenceIssued: ['PASSED'],
  confirmPlacements: ['CLOSING'],
  close: ['CLOSING'],
};

export const CASE_EVENTS = {
  opened: 'preschool.case.opened',
  closing: 'preschool.case.closing',
  rectificationOrdered: 'preschool.case.rectification-ordered',
  passed: 'preschool.case.passed',
  licensed: 'preschool.case.licensed',
  childrenPlaced: 'preschool.case.children-placed',
  closed: 'preschool.case.closed',
} as const;

export type CaseRefusal =
  | 'INVALID_CASE'
  | 'INVALID_DATE'
  | 'INVALID_TRANSITION'
  | 'CASE_CLOSED'
  | 'ALREADY_ASSESSED'
  | 'NOT_RECTIFIABLE'
  | 'ITEMS_REQUIRED'
  | 'FINDINGS_REQUIRED'
  | 'NOT_OVERDUE'
  | 'LICENCE_REQUIRED'
  | 'INVALID_PLACEMENT'
  | 'KINDERGARTEN_FULL'
  | 'TOO_MANY_PLACED'
  | 'CHILDREN_WAITING';
