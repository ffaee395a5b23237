import { hasRole } from '@edugraph/auth';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { announceTraining } from '../application/announce-training.command.ts';
import type { AnnounceTraining } from '../application/announce-training.command.ts';
import { recordAttendance } from '../application/record-attendance.command.ts';
import type { RecordAttendance } from '../application/record-attendance.command.ts';
import { registerForTraining } from '../application/register-for-training.command.ts';
import { listTrainings, registrationsLoader } from '../application/trainings.query.ts';
import type { TrainingView } from '../application/training.view.ts';

/** Policy training sessions: the list is public, who registered is not. */
export function trainingResolvers(): Resolvers {
  return {
    Query: {
      trainings: (_: unknown, args: { upcoming?: boolean | null }, ctx: RequestContext) => listTrainings(ctx.em, args),
    },
    Mutation: {
      announceTraining: async (_: unknown, args: { input: AnnounceTraining }, ctx: RequestContext) => ({ training: await announceTraining(ctx, args.input) }),
      registerForTraining: async (_: unknown, args: { trainingId: string }, ctx: RequestContext) => ({ training: await registerForTraining(ctx, args) }),
      recordAttendance: async (_: unknown, args: RecordAttendance, ctx: RequestContext) => ({ training: await recordAttendance(ctx, args) }),
    },
    Training: {
      // Staff and leadership see every registration; a sponsor only its own; anyone else none.
      // One batched query per request, whatever the number of sessions listed.
      registrations: async (training: TrainingView, _: unknown, ctx: RequestContext) => {
        const { actor } = ctx;
        const seesAll = hasRole(actor, 'BUREAU_STAFF', 'LEADERSHIP');
        const ownCode = hasRole(actor, 'MARKET_ENTITY') ? actor.creditCode : null;
        if (!seesAll && !ownCode) return [];
        const all = await ctx.loaders.get(registrationsLoader).load(training.id);
        return seesAll ? all : all.filter((r) => r.sponsor.creditCode === ownCode);
      },
    },
  };
}
