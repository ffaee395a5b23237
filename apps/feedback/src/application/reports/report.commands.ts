import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { reportPolicyOn } from '../policy-settings.ts';
import { hasRole } from '@edugraph/auth';
import type { Actor } from '@edugraph/auth';
import { newId } from '@edugraph/persistence';
import { AppError, idInput, optionalTextInput, parseInput, requireRole, textInput } from '@edugraph/platform';
import {
  REPORT_CHANNELS,
  REPORT_KINDS,
  REPORT_LIMITS,
  STAFF_CHANNELS,
  assignReport as assignInDomain,
  findCategory,
  reopenReport as reopenInDomain,
  replyToReport as replyInDomain,
  submitReport as submitInDomain,
} from '../../domain/reports/index.ts';
import type { ReportResult, Report } from '../../domain/reports/index.ts';
import { KnownInstitution } from '../../entities/known-institution.entity.ts';
import { ReportRow } from '../../entities/report.entities.ts';
import { CONFLICT_MESSAGE, canRead, eventActorFor, isConflict, queueReportEvents, refusal, saveReport, toReport } from './report-support.ts';
import type { ReportContext } from './report-support.ts';
import { toReportView } from './report.view.ts';
import type { ReportView } from './report.view.ts';

const PHONE = /^\+?[0-9][0-9 ()-]{2,38}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const coordinate = (limit: number) => z.number().min(-limit).max(limit).nullish();

const submitInput = z
  .object({
    channel: z.enum(REPORT_CHANNELS),
    kind: z.enum(REPORT_KINDS),
    category: textInput({ max: 40, form: 'NFKC' }),
    subject: optionalTextInput({ max: REPORT_LIMITS.subject }),
    body: optionalTextInput({ max: REPORT_LIMITS.body, multiline: true }),
    institutionId: idInput().nullish(),
    location: z
      .object({ address: optionalTextInput({ max: REPORT_LIMITS.address }), lat: coordinate(90), long: coordinate(180) })
      .refine((l) => (l.lat == null) === (l.long == null), { message: 'needs both lat and long, or neither' })
      .nullish(),
    anonymous: z.boolean(),
    reporterName: optionalTextInput({ max: REPORT_LIMITS.name }),
    reporterPhone: optionalTextInput({ max: REPORT_LIMITS.phone, form: 'NFKC' }).refine((p) => p === null || PHONE.test(p), { message: 'must be a phone number (digits, spaces, + and -)' }),
    reporterEmail: optionalTextInput({ max: REPORT_LIMITS.email, form: 'NFKC' }).refine((e) => e === null || EMAIL.test(e), { message: 'must be an e-mail address' }),
  })
  .strict();
export type SubmitReport = z.input<typeof submitInput>;

/** Who may take a report down on which channel; the reporter's sign-in id when it is their own. */
function reporterIdFor(actor: Actor, channel: SubmitReport['channel'], anonymous: boolean): string | null {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to submit a report (you may still submit it anonymously once signed in).');
  if (channel === 'OPEN311') {
    if (actor.kind !== 'system') throw new AppError('FORBIDDEN', 'Reports from Open311 come from city systems with an API key.');
    return null;
  }
  if (STAFF_CHANNELS.includes(channel)) {
    if (!hasRole(actor, 'BUREAU_STAFF')) throw new AppError('FORBIDDEN', `Reports by ${channel.toLowerCase()} are taken down by bureau staff; submit yours online (channel ONLINE).`);
    return null;
  }
  if (actor.kind !== 'person') throw new AppError('FORBIDDEN', 'Online reports are submitted by people; city systems submit through Open311.');
  return anonymous ? null : actor.id;
}

/**
 * Takes a report (feedback.report.submitted). An anonymous report keeps no identity at all; a
 * report by hotline, mailbox or at the window is taken down by staff for the caller, whose name and
 * phone are kept as given. Nothing is written when any check fails.
 */
export async function submitReport(ctx: ReportContext, raw: SubmitReport): Promise<ReportView> {
  const reporterId = reporterIdFor(ctx.actor, raw?.channel, raw?.anonymous === true);
  const input = parseInput(submitInput, raw);
  if (input.anonymous && (input.reporterName || input.reporterPhone || input.reporterEmail)) {
    throw new AppError('BAD_USER_INPUT', 'An anonymous report keeps no name, phone or e-mail: leave them out, or set anonymous to false.');
  }
  const id = newId();
  const submitted = submitInDomain(id, { channel: input.channel, kind: input.kind, category: input.category, subject: input.subject, body: input.body, institutionId: input.institutionId ?? null, reporterId }, ctx.today);
  if (!submitted.ok) throw refusal(submitted.error);
  return ctx.em.fork().transactional(async (tx) => {
    if (input.institutionId && !(await tx.findOne(KnownInstitution, { institutionId: input.institutionId }))) {
      throw new AppError('NOT_FOUND', 'No institution with this id is known to the bureau; leave institutionId out if the report is not about one institution.');
    }
    const row = tx.create(ReportRow, {
      id,
      channel: input.channel,
      kind: input.kind,
      category: input.category,
      subject: input.subject,
      body: input.body,
      institutionId: input.institutionId ?? null,
      address: input.location?.address ?? null,
      lat: input.location?.lat ?? null,
      long: input.location?.long ?? null,
      anonymous: input.anonymous,
      reporterId,
      reporterName: input.anonymous ? null : input.reporterName,
      reporterPhone: input.anonymous ? null : input.reporterPhone,
      reporterEmail: input.anonymous ? null : input.reporterEmail,
      enteredBy: input.channel === 'ONLINE' ? null : ctx.actor.id,
      submittedOn: submitted.value.state.submittedOn,
      status: submitted.value.state.status,
      office: null,
      assignedOn: null,
      dueOn: null,
      alerted: null,
      replies: [],
      closedOn: null,
      reopenCount: 0,
      reopenedOn: null,
      reopenReason: null,
    });
    queueReportEvents(tx, ctx, eventActorFor(row, ctx.actor, STAFF_CHANNELS.includes(row.channel as never)), id, submitted.value.events);
    await tx.flush();
    return toReportView(row, ctx.actor, ctx);
  });
}

/** Loads a report, lets the state machine decide, saves it and queues its events: one transaction under the report's version. */
async function changeReport(
  ctx: ReportContext,
  reportId: string,
  decide: (report: Report, row: ReportRow) => ReportResult,
  options: { repliedBy?: string; authorize?: (row: ReportRow) => void; staffDuty?: boolean } = {},
): Promise<ReportView> {
  const { id } = parseInput(z.object({ id: idInput() }), { id: reportId });
  try {
    return await ctx.em.fork().transactional(async (tx: EntityManager) => {
      const row = await tx.findOne(ReportRow, { id });
      if (!row || !canRead(row, ctx.actor)) throw new AppError('NOT_FOUND', 'No report with this id is open to you.');
      options.authorize?.(row);
      const result = decide(toReport(row), row);
      if (!result.ok) throw refusal(result.error);
      saveReport(row, result.value.state, options.repliedBy ?? null);
      queueReportEvents(tx, ctx, eventActorFor(row, ctx.actor, options.staffDuty ?? true), row.id, result.value.events);
      await tx.flush();
      return toReportView(row, ctx.actor, ctx);
    });
  } catch (error) {
    if (isConflict(error)) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    throw error;
  }
}

const assignInput = z.object({ reportId: z.string(), office: textInput({ max: 40, form: 'NFKC' }).nullish() });
export type AssignReport = z.input<typeof assignInput>;

/** Staff assign a report to an office (by default its category's), which must reply by the kind's deadline (feedback.report.assigned). */
export async function assignReport(ctx: ReportContext, raw: AssignReport): Promise<ReportView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'assign reports');
  const input = parseInput(assignInput, raw);
  const policy = await reportPolicyOn(ctx.em, ctx.today);
  return changeReport(ctx, input.reportId, (report) => {
    const office = input.office ?? findCategory(report.category)?.defaultOffice ?? 'SUPERVISION';
    return assignInDomain(report, office, ctx.today, ctx.calendar, policy);
  });
}

const replyInput = z.object({ reportId: z.string(), reply: textInput({ min: 1, max: REPORT_LIMITS.reply, multiline: true }) });
export type ReplyToReport = z.input<typeof replyInput>;

/** Staff of the assigned office answer, which closes the report (feedback.report.replied, feedback.report.closed). */
export async function replyToReport(ctx: ReportContext, raw: ReplyToReport): Promise<ReportView> {
  requireRole(ctx.actor, ['BUREAU_STAFF'], 'reply to reports');
  const input = parseInput(replyInput, raw);
  return changeReport(ctx, input.reportId, (report) => replyInDomain(report, { office: ctx.actor.office, text: input.reply }, ctx.today), { repliedBy: ctx.actor.id });
}

const reopenInput = z.object({ reportId: z.string(), reason: textInput({ min: 1, max: REPORT_LIMITS.reason, multiline: true }) });
export type ReopenReport = z.input<typeof reopenInput>;

/**
 * The reporter says the problem is not fixed (feedback.report.reopened): once, within the window
 * after the answer. Staff may do so for a caller whose report they took down (it names no signed-in reporter).
 */
export async function reopenReport(ctx: ReportContext, raw: ReopenReport): Promise<ReportView> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to reopen your report.');
  const input = parseInput(reopenInput, raw);
  const policy = await reportPolicyOn(ctx.em, ctx.today);
  return changeReport(ctx, input.reportId, (report) => reopenInDomain(report, input.reason, ctx.today, ctx.calendar, policy), {
    staffDuty: false,
    authorize: (row) => {
      const isReporter = row.reporterId != null && row.reporterId === ctx.actor.id;
      const forCaller = row.reporterId == null && hasRole(ctx.actor, 'BUREAU_STAFF');
      if (!isReporter && !forCaller) throw new AppError('FORBIDDEN', 'Only the reporter may reopen a report (staff may for a caller whose report names no signed-in reporter).');
    },
  });
}
