import { monitorEventLoopDelay } from 'node:perf_hooks';

/** A process whose event loop stalls this long is not alive in any useful sense: restart it. */
export const MAX_EVENT_LOOP_STALL_MS = 5_000;

/**
 * Watches the event loop for liveness. A timer that should fire every 500 ms records when it last
 * did; if the loop was blocked, the gap shows it, and the delay histogram keeps the worst stall of
 * the last window. A liveness probe that gets through right after a long block still fails once,
 * and a loop blocked for good never answers the probe at all: both get the process restarted.
 */
export function watchEventLoop(maxStallMs = MAX_EVENT_LOOP_STALL_MS) {
  const histogram = monitorEventLoopDelay({ resolution: 50 });
  histogram.enable();
  let worstRecentMs = 0;
  let lastTick = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worstRecentMs = Math.max(histogram.max / 1e6, now - lastTick - 500);
    lastTick = now;
    histogram.reset();
  }, 500);
  timer.unref();
  return {
    /** The longest the loop stood still lately, in ms. */
    stallMs: () => Math.max(worstRecentMs, performance.now() - lastTick - 500),
    alive: () => Math.max(worstRecentMs, performance.now() - lastTick - 500) < maxStallMs,
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
