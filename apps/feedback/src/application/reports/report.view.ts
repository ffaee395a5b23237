import { maskName, maskPhone } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { OFFICES } from '../../domain/offices.ts';
import { deadlineStatus, findCategory, isProvisionalDeadline, reporterIdentityView } from '../../domain/reports/index.ts';
import type { DeadlineStatus, ReportCategory } from '../../domain/reports/index.ts';
import type { ReportRow } from '../../entities/report.entities.ts';
import type { ReportContext } from './report-support.ts';
import { toReport, viewerOf } from './report-support.ts';

export interface ReporterView {
  id: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  /** True when name and phone are shown masked. */
  masked: boolean;
}

export interface ReportView {
  id: string;
  channel: string;
  kind: string;
  category: ReportCategory;
  subject: string | null;
  body: string | null;
  institutionId: string | null;
  location: { address: string | null; lat: number | null; long: number | null } | null;
  anonymous: boolean;
  reporter: ReporterView | null;
  status: string;
  office: string | null;
  officeName: string | null;
  submittedOn: string;
  assignedOn: string | null;
  dueOn: string | null;
  dueOnProvisional: boolean;
  deadline: DeadlineStatus | null;
  replies: { office: string; text: string; repliedOn: string; late: boolean }[];
  closedOn: string | null;
  reopenCount: number;
  reopenedOn: string | null;
  reopenReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

function reporterView(row: ReportRow, actor: Actor): ReporterView | null {
  if (row.anonymous) return null;
  const hasIdentity = row.reporterId != null || row.reporterName != null || row.reporterPhone != null || row.reporterEmail != null;
  if (!hasIdentity) return null;
  const view = reporterIdentityView({ kind: row.kind as never, office: row.office ?? null, reporterId: row.reporterId ?? null }, viewerOf(actor));
  if (view === 'HIDDEN') return null;
  if (view === 'CLEAR') return { id: row.reporterId ?? null, name: row.reporterName ?? null, phone: row.reporterPhone ?? null, email: row.reporterEmail ?? null, masked: false };
  return {
    id: null,
    name: row.reporterName ? maskName(row.reporterName) : null,
    phone: row.reporterPhone ? maskPhone(row.reporterPhone) : null,
    email: row.reporterEmail ? maskEmail(row.reporterEmail) : null,
    masked: true,
  };
}

export function officeName(code: string | null | undefined): string | null {
  if (code == null) return null;
  return OFFICES.find((o) => o.code === code)?.name ?? code;
}

/** A report as `actor` may see it: the reporter's identity per reporterIdentityView. */
export function toReportView(row: ReportRow, actor: Actor, ctx: Pick<ReportContext, 'today' | 'calendar'>): ReportView {
  const report = toReport(row);
  const category = findCategory(row.category) ?? { code: row.category, name: row.category, description: '', serviceItem: '', defaultOffice: '', group: '', keywords: [] };
  const hasLocation = row.address != null || row.lat != null || row.long != null;
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    category,
    subject: row.subject ?? null,
    body: row.body ?? null,
    institutionId: row.institutionId ?? null,
    location: hasLocation ? { address: row.address ?? null, lat: row.lat == null ? null : Number(row.lat), long: row.long == null ? null : Number(row.long) } : null,
    anonymous: row.anonymous,
    reporter: reporterView(row, actor),
    status: row.status,
    office: row.office ?? null,
    officeName: officeName(row.office),
    submittedOn: row.submittedOn,
    assignedOn: row.assignedOn ?? null,
    dueOn: row.dueOn ?? null,
    dueOnProvisional: isProvisionalDeadline(report.dueOn, ctx.calendar, report.assignedOn),
    deadline: deadlineStatus(report, ctx.today, ctx.calendar),
    replies: report.replies.map((r) => ({ ...r })),
    closedOn: row.closedOn ?? null,
    reopenCount: row.reopenCount,
    reopenedOn: row.reopenedOn ?? null,
    reopenReason: row.reopenReason ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
