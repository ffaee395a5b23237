import type { RequestContext, Resolvers } from '@edugraph/platform';
import { setSeatCapacity } from '../application/set-seat-capacity.command.ts';
import type { SetSeatCapacity } from '../application/set-seat-capacity.command.ts';
import { seatPoolsLoader } from '../application/seat-pools.query.ts';

export function seatPoolResolvers(): Resolvers {
  return {
    Institution: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      seatPools: (institution: { id: string }, args: { year?: number | null }, ctx: RequestContext) =>
        ctx.loaders.get(seatPoolsLoader).load({ institutionId: institution.id, year: args.year ?? null }),
    },
    Mutation: {
      setSeatCapacity: async (_: unknown, args: { input: SetSeatCapacity }, ctx: RequestContext) => {
        const seatPool = await setSeatCapacity(ctx, args.input);
        return { seatPool };
      },
    },
  };
}
