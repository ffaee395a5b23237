import type { Actor, PiiCipher } from '@edugraph/auth';
import type { EventHandler } from '@edugraph/events';
import { todayInShanghai } from '@edugraph/rules';
import { replaceWaitlisted } from '../application/waitlist.commands.ts';

/** Who re-places automatically: the service itself, not the person whose act freed the seat. */
export const WAITLIST_ACTOR: Actor = Object.freeze({ id: 'enrollment-waitlist', kind: 'system', roles: [], institutionId: null, office: null, creditCode: null }) as Actor;

/**
 * A seat came free after the round: a capacity was raised (enrollment.seat-pool.capacity-set) or
 * an offer was declined (enrollment.application.declined). The waiting list of that year and grade
 * is re-placed in the consumer's transaction, with the inbox row. Safe when redelivered or run
 * twice at once: the inbox drops a repeated event id, and the re-placement claims the round row by
 * its version and saves each application under its own, so a second run finds no seat to give
 * twice (and one that lost a race rolls back and is retried by the consumer).
 */
export function seatFreedHandlers(deps: { clock: () => Date; cipher: PiiCipher }): Partial<Record<string, EventHandler>> {
  const replace = (em: Parameters<EventHandler>[0], envelope: Parameters<EventHandler>[1], year: number, grade: number) =>
    replaceWaitlisted(em, { actor: WAITLIST_ACTOR, correlationId: envelope.correlationId, today: todayInShanghai(deps.clock()), cipher: deps.cipher }, year, grade);
  return {
    'enrollment.seat-pool.capacity-set': async (em, envelope) => {
      const p = envelope.payload as { year: number; grade: number; capacity: number; previousCapacity: number | null };
      // Only a raise frees seats; a lower capacity leaves the waiting list as it is.
      if (p.capacity <= (p.previousCapacity ?? 0)) return;
      await replace(em, envelope, p.year, p.grade);
    },
    'enrollment.application.declined': async (em, envelope) => {
      const p = envelope.payload as { year: number; grade: number };
      await replace(em, envelope, p.year, p.grade);
    },
  };
}
