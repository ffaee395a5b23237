import type { RequestContext, Resolvers, ServiceInfra } from '@edugraph/platform';
import { publishServiceStandard, recordTraining, setOfficeStaff } from '../application/standards/standard.commands.ts';
import type { PublishStandardArgs, RecordTrainingArgs, SetOfficeStaffArgs } from '../application/standards/standard.commands.ts';
import { officeStaff, serviceStandard, serviceStandards, standardTrainings, trainingGaps } from '../application/standards/standards.queries.ts';
import type { StandardFilter, TrainingFilter } from '../application/standards/standards.queries.ts';
import type { StandardsContext } from '../application/standards/standards-context.ts';

type Ctx = RequestContext;
type PageArgs = { first?: number | null; after?: string | null };

export function standardResolvers(infra: ServiceInfra): Resolvers {
  const withClock = (ctx: Ctx): StandardsContext => Object.assign(Object.create(ctx) as Ctx, { clock: infra.clock });
  return {
    Query: {
      serviceStandard: (_: unknown, args: { itemCode: string }, ctx: Ctx) => serviceStandard(withClock(ctx), args.itemCode),
      serviceStandards: (_: unknown, args: { filter?: StandardFilter } & PageArgs, ctx: Ctx) => serviceStandards(withClock(ctx), args.filter, args.first, args.after),
      standardTrainings: (_: unknown, args: { filter?: TrainingFilter } & PageArgs, ctx: Ctx) => standardTrainings(withClock(ctx), args.filter, args.first, args.after),
      officeStaff: (_: unknown, args: { office: string }, ctx: Ctx) => officeStaff(withClock(ctx), args.office),
      trainingGaps: (_: unknown, args: { office: string }, ctx: Ctx) => trainingGaps(withClock(ctx), args.office),
    },
    Mutation: {
      publishServiceStandard: (_: unknown, args: PublishStandardArgs, ctx: Ctx) => publishServiceStandard(withClock(ctx), args),
      recordTraining: (_: unknown, args: { input: RecordTrainingArgs }, ctx: Ctx) => recordTraining(withClock(ctx), args.input),
      setOfficeStaff: (_: unknown, args: SetOfficeStaffArgs, ctx: Ctx) => setOfficeStaff(withClock(ctx), args),
    },
  };
}
