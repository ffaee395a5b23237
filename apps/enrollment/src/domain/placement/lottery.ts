import { hmacSha256Hex, hmacSha256HexWith } from '@edugraph/rules';

/**
 * The public lottery.
 *
 * ticket = HMAC-SHA256(key = seed as UTF-8, message = applicationId as UTF-8), in lowercase hex.
 * Inside a priority tier the LOWER ticket ranks first (plain string comparison of the hex,
 * which equals numeric comparison because every ticket has 64 digits). Anyone holding the
 * published seed can recompute every ticket, e.g.
 *   echo -n "$APPLICATION_ID" | openssl dgst -sha256 -hmac "$SEED"
 * The ticket does not depend on arrival order, so neither does the outcome.
 *
 * Lottery rank, as shown to families: the 1-based position of the ticket among the eligible
 * applications of the same batch, home district, grade and tier ("rank 5 of 40").
 */
export function lotteryTicket(seed: string, applicationId: string): string {
  return hmacSha256Hex(seed, applicationId);
}

/** The same ticket, with the key prepared once: the engine draws one ticket per application. */
export function ticketDrawer(seed: string): (applicationId: string) => string {
  if (seed.length === 0) throw new RangeError('the lottery seed must not be empty');
  return hmacSha256HexWith(seed);
}

/** The first 48 bits of a ticket as a number: orders tickets exactly unless those bits tie. */
export function ticketPrefix(ticket: string): number {
  return Number.parseInt(ticket.slice(0, 12), 16);
}
