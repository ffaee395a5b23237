import type { RequestContext, Resolvers, ServiceInfra } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { assignReport, reopenReport, replyToReport, submitReport } from '../application/reports/report.commands.ts';
import type { AssignReport, ReopenReport, ReplyToReport, SubmitReport } from '../application/reports/report.commands.ts';
import { reportCalendarFor } from '../application/reports/report-calendar.ts';
import type { ReportContext } from '../application/reports/report-support.ts';
import { myReports, report, reportCategories, reports } from '../application/reports/reports.query.ts';
import type { ReportFilter } from '../application/reports/reports.query.ts';

type Page = { first?: number | null; after?: string | null };

/** Reports: thin resolvers, today from the service's clock. */
export function reportResolvers(infra: ServiceInfra): Resolvers {
  const calendar = reportCalendarFor(infra);
  const use = (ctx: RequestContext): ReportContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, today: todayInShanghai(infra.clock()), calendar });
  const payload = async (p: Promise<unknown>) => ({ report: await p });
  return {
    Query: {
      reportCategories: () => reportCategories(),
      reports: (_: unknown, args: Page & { filter?: ReportFilter }, ctx: RequestContext) => reports(use(ctx), args),
      myReports: (_: unknown, args: Page, ctx: RequestContext) => myReports(use(ctx), args),
      report: (_: unknown, args: { id: string }, ctx: RequestContext) => report(use(ctx), args.id),
    },
    Mutation: {
      submitReport: (_: unknown, a: { input: SubmitReport }, ctx: RequestContext) => payload(submitReport(use(ctx), a.input)),
      assignReport: (_: unknown, a: { input: AssignReport }, ctx: RequestContext) => payload(assignReport(use(ctx), a.input)),
      replyToReport: (_: unknown, a: { input: ReplyToReport }, ctx: RequestContext) => payload(replyToReport(use(ctx), a.input)),
      reopenReport: (_: unknown, a: { input: ReopenReport }, ctx: RequestContext) => payload(reopenReport(use(ctx), a.input)),
    },
  };
}
