import { describe, expect, it } from 'vitest';
import { watchEventLoop } from './event-loop-health.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
function blockFor(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until); // a handler that hogs the event loop
}

describe('liveness watches the event loop', () => {
  it('is alive while the loop turns, not alive right after it stood still longer than the limit, alive again later', async () => {
    const loop = watchEventLoop(400);
    await tick(600);
    expect(loop.alive()).toBe(true);
    blockFor(1_200);
    expect(loop.alive()).toBe(false);
    expect(loop.stallMs()).toBeGreaterThanOrEqual(400);
    await tick(1_500);
    expect(loop.alive()).toBe(true);
    loop.stop();
  });
});
