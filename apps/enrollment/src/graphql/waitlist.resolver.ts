import type { PiiCipher } from '@edugraph/auth';
import type { EventHandler } from '@edugraph/events';
import type { RequestContext, Resolvers } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import type { EnrollmentContext } from '../application/application-change.ts';
import { placeFromWaitlist, placeLateApplication } from '../application/waitlist.commands.ts';
import type { FreeSeatsView } from '../application/waitlist.commands.ts';
import { seatFreedHandlers } from '../consumers/seat-freed.handler.ts';

/** Re-placement from the waiting list and late applications (admissions office). */
export function waitlistResolvers(deps: { clock: () => Date; cipher: PiiCipher }): Resolvers {
  const uc = (ctx: RequestContext): EnrollmentContext => ({ em: ctx.em, actor: ctx.actor, correlationId: ctx.correlationId, today: todayInShanghai(deps.clock()), cipher: deps.cipher });
  return {
    Mutation: {
      placeFromWaitlist: (_: unknown, a: { year: number; grade: number }, ctx: RequestContext) => placeFromWaitlist(uc(ctx), a),
      placeLate: async (_: unknown, a: { applicationId: string }, ctx: RequestContext) => ({ application: await placeLateApplication(uc(ctx), a) }),
    },
    WaitlistFreeSeats: {
      school: (s: FreeSeatsView) => ({ __typename: 'Institution', id: s.schoolId }),
    },
  };
}

/** Subscribed to the service's own topic (consumer enrollment-waitlist): a freed seat re-places the waiting list. */
export function waitlistHandlers(deps: { clock: () => Date; cipher: PiiCipher }): Partial<Record<string, EventHandler>> {
  return seatFreedHandlers(deps);
}
