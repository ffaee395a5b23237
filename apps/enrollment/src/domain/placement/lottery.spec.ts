import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lotteryTicket, ticketDrawer, ticketPrefix } from './lottery.ts';
import { lotteryRanks, priorityOrder } from './priority-order.ts';

describe('lotteryTicket', () => {
  it('is HMAC-SHA256(seed, applicationId) in hex, as `openssl dgst -sha256 -hmac SEED` computes it', () => {
    expect(lotteryTicket('2024-lottery-seed', 'APP-0001')).toBe('f3acded68dcb1e4875f9cb6dbdc25e60f3c3cc9f47623d1c292d2784ac0466c2');
    expect(lotteryTicket('2024-lottery-seed', 'APP-0002')).toBe('0d66df79f8041463d8e8b4a84a95c76924f0da06a5887f6aa877546255720e99');
  });

  it('the engine’s prepared-key drawer gives the same tickets', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1, unit: 'grapheme' }), (seed, id) => {
        expect(ticketDrawer(seed)(id)).toBe(lotteryTicket(seed, id));
      }),
    );
  });

  it('the 48-bit prefix orders tickets like their hex', () => {
    expect(ticketPrefix('0d66df79f8041463d8e8')).toBeLessThan(ticketPrefix('f3acded68dcb1e4875f9'));
    expect(ticketPrefix('ffffffffffff')).toBe(2 ** 48 - 1);
  });
});

describe('priorityOrder', () => {
  // Tickets drawn from a tiny alphabet, so that tiers, 48-bit prefixes and whole tickets tie
  // often and every tie-breaking path of the packed sort is exercised.
  const crowdedStanding = fc
    .array(fc.record({ tier: fc.integer({ min: 1, max: 7 }), head: fc.constantFrom('000000000000', '000000000001', '7fffffffffff', 'ffffffffffff'), tail: fc.constantFrom('0', '1', 'f') }), {
      maxLength: 300,
    })
    .map((rows) => {
      const ticket = rows.map((r) => r.head + r.tail.repeat(52));
      return {
        tier: Int32Array.from(rows, (r) => r.tier),
        ticket,
        ticketOf: (i: number) => ticket[i] as string,
        ticketPrefix: Float64Array.from(rows, (r) => ticketPrefix(r.head)),
        id: rows.map((_, i) => `A${(i * 7919) % 1009}-${i}`),
      };
    });

  it('sorts by tier, then ticket (lower first), then id — exactly like a plain comparison sort', () => {
    fc.assert(
      fc.property(crowdedStanding, (standing) => {
        const everyone = standing.id.map((_, i) => i);
        const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
        const expected = everyone
          .slice()
          .sort((a, b) => (standing.tier[a] as number) - (standing.tier[b] as number) || cmp(standing.ticket[a] as string, standing.ticket[b] as string) || cmp(standing.id[a] as string, standing.id[b] as string));
        expect(Array.from(priorityOrder(everyone, standing))).toEqual(expected);
      }),
    );
  });

  it('lottery rank is the position within pool and tier, pool size the count', () => {
    const order = Int32Array.from([3, 0, 2, 1, 4]);
    const pool = Int32Array.from([0, 0, 1, 0, 0]);
    const tier = Int32Array.from([1, 1, 1, 1, 2]);
    const { rank, poolSize } = lotteryRanks(order, pool, tier, 5);
    expect(Array.from(rank)).toEqual([2, 3, 1, 1, 1]);
    expect(Array.from(poolSize)).toEqual([3, 3, 1, 3, 1]);
  });
});
