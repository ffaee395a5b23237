// Who sees a reporter's identity (name, phone, sign-in id). A tip-off's reporter is known to the
// supervision office alone; a complaint's or a suggestion's reporter to the office answering it;
// everyone else allowed to read the report sees the name and phone masked, or, for a tip-off, nothing.
import { SUPERVISION_OFFICE } from '../offices.ts';
import type { ReportKind } from './report-policy.ts';

export type IdentityView = 'CLEAR' | 'MASKED' | 'HIDDEN';

export interface Viewer {
  readonly id: string;
  /** Bureau staff's office; null for anyone else. */
  readonly staffOffice: string | null;
}

export function reporterIdentityView(report: { kind: ReportKind; office: string | null; reporterId: string | null }, viewer: Viewer): IdentityView {
  if (report.reporterId !== null && report.reporterId === viewer.id) return 'CLEAR';
  if (report.kind === 'TIP_OFF') return viewer.staffOffice === SUPERVISION_OFFICE ? 'CLEAR' : 'HIDDEN';
  return viewer.staffOffice !== null && viewer.staffOffice === report.office ? 'CLEAR' : 'MASKED';
}
