import type { RequestContext, Resolvers, ServiceInfra } from '@edugraph/platform';
import { OFFICES } from '../domain/offices.ts';
import { clockOf, isLate, lastInspection } from '../domain/measures/index.ts';
import type { Inspection, InspectionResult, ProgressReport } from '../domain/measures/index.ts';
import { schoolNameLoader } from '../application/measures/owner-names.ts';
import type { MeasureRecord, SupervisionItemRecord } from '../entities/measure.entities.ts';
import { createMeasure, recordMeasureInspection, reportMeasureProgress } from '../application/measures/measure.commands.ts';
import type { CreateMeasureInput, ReportProgressArgs } from '../application/measures/measure.commands.ts';
import { measureById, measures, measuresBoard, supervisionItems } from '../application/measures/measure.queries.ts';
import type { ItemFilter, MeasureFilter } from '../application/measures/measure.queries.ts';
import { measureContext } from '../application/measures/measure-context.ts';

type Ctx = RequestContext;

const progressView = (p: ProgressReport) => ({ percent: p.percent, note: p.note, evidence: p.evidence, reason: p.reason, reportedOn: p.reportedOn, reportedBy: p.by });
const inspectionView = (i: Inspection) => ({ result: i.result, findings: i.findings, inspectedOn: i.inspectedOn, inspectedBy: i.by });

function measureView(record: MeasureRecord, clock: () => Date) {
  const m = record.state;
  const mc = measureContext(clock);
  const last = lastInspection(m);
  return {
    id: record.id,
    title: m.title,
    planRef: m.planRef,
    ownerKind: m.owner.kind,
    owner: m.owner.key,
    dueOn: m.dueOn,
    expectedResult: m.expectedResult,
    createdOn: m.createdOn,
    status: m.status,
    percent: m.percent,
    completedOn: m.completedOn,
    late: isLate(m, mc.today),
    clock: clockOf(m, mc),
    progress: m.progress.map(progressView),
    inspections: m.inspections.map(inspectionView),
    lastInspection: last && inspectionView(last),
  };
}

const itemView = (i: SupervisionItemRecord) => ({ id: i.id, source: i.source, sourceId: i.sourceId, office: i.office, state: i.state, dueOn: i.dueOn ?? null, recordedOn: i.recordedOn, eventType: i.eventType });

export function measureResolvers(infra: ServiceInfra): Resolvers {
  const clock = infra.clock;
  const withClock = (ctx: Ctx) => Object.assign(Object.create(ctx) as Ctx, { clock });
  return {
    Query: {
      measure: async (_: unknown, args: { id: string }, ctx: Ctx) => {
        const record = await measureById(ctx, args.id);
        return record && measureView(record, clock);
      },
      measures: async (_: unknown, args: { filter?: MeasureFilter; first?: number; after?: string }, ctx: Ctx) => {
        const page = await measures(withClock(ctx), args.filter, args.first, args.after);
        return { ...page, nodes: page.nodes.map((r) => measureView(r, clock)) };
      },
      measuresBoard: (_: unknown, args: { period: string }, ctx: Ctx) => measuresBoard(withClock(ctx), args.period),
      supervisionItems: async (_: unknown, args: { filter?: ItemFilter; first?: number; after?: string }, ctx: Ctx) => {
        const page = await supervisionItems(ctx, args.filter, args.first, args.after);
        return { ...page, nodes: page.nodes.map(itemView) };
      },
    },
    Measure: {
      ownerName: async (m: { ownerKind: string; owner: string }, _: unknown, ctx: Ctx) => {
        if (m.ownerKind === 'OFFICE') return OFFICES.find((o) => o.code === m.owner)?.name ?? m.owner;
        return (await ctx.loaders.get(schoolNameLoader).load(m.owner)) ?? m.owner;
      },
    },
    Mutation: {
      createMeasure: async (_: unknown, args: { input: CreateMeasureInput }, ctx: Ctx) => measureView(await createMeasure(withClock(ctx), args.input), clock),
      reportProgress: async (_: unknown, args: ReportProgressArgs, ctx: Ctx) => measureView(await reportMeasureProgress(withClock(ctx), args), clock),
      recordMeasureInspection: async (_: unknown, args: { measureId: string; result: InspectionResult; findings: string }, ctx: Ctx) =>
        measureView(await recordMeasureInspection(withClock(ctx), args), clock),
    },
  };
}
