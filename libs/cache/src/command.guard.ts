import { CircuitState, ConsecutiveBreaker, TimeoutStrategy, circuitBreaker, handleAll, timeout, wrap } from 'cockatiel';
import type { Logger } from 'pino';

/** A Redis command slower than this is treated as failed (REDIS_COMMAND_TIMEOUT_MS overrides it). */
export const DEFAULT_COMMAND_TIMEOUT_MS = 500;

export interface CommandGuardOptions {
  commandTimeoutMs?: number | undefined;
  /** Consecutive failures that open the breaker. */
  failuresToOpen?: number;
  /** How long the breaker stays open before one command is let through to try the backend again. */
  halfOpenAfterMs?: number;
}

/** The backend did not answer in time, failed, or is known to be down (open breaker). */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
}

/**
 * Every command to a shared backend (Redis) goes through one guard per process: it times out, and
 * after repeated failures a breaker opens so callers fall back at once instead of each waiting out
 * the timeout; it half-opens to let one command test the backend. A stopped (not dead) Redis keeps
 * its connections open and never answers, so without this every caller would wait for ever. The
 * outage is logged once when the breaker opens and once when the backend answers again.
 */
export class CommandGuard {
  private readonly breaker;
  private readonly policy;
  private readonly backend: string;
  private downSince: number | undefined;

  constructor(options: CommandGuardOptions & { logger: Logger; backend: string; fallback: string }) {
    const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.backend = options.backend;
    this.breaker = circuitBreaker(handleAll, { halfOpenAfter: options.halfOpenAfterMs ?? 1_000, breaker: new ConsecutiveBreaker(options.failuresToOpen ?? 3) });
    // Aggressive: a hung server never settles the command, so the timeout must not wait for it.
    this.policy = wrap(this.breaker, timeout(timeoutMs, TimeoutStrategy.Aggressive));
    // cockatiel reports a break again each time a half-open trial fails: one outage, one line.
    this.breaker.onBreak((reason) => {
      if (this.downSince !== undefined) return;
      this.downSince = Date.now();
      const err = 'error' in reason ? reason.error : undefined;
      options.logger.error({ backend: options.backend, err, timeoutMs }, `${options.backend} unavailable; ${options.fallback} until it answers again`);
    });
    this.breaker.onReset(() => {
      if (this.downSince === undefined) return;
      options.logger.info({ backend: options.backend, outageMs: Date.now() - this.downSince }, `${options.backend} answers again`);
      this.downSince = undefined;
    });
  }

  /** False while the breaker is open or testing the backend. */
  get available(): boolean {
    return this.breaker.state === CircuitState.Closed;
  }

  /** Runs `command`, or rejects with BackendUnavailableError within the timeout. */
  async execute<T>(command: () => Promise<T>): Promise<T> {
    // While one command tests the backend, cockatiel would hold every other caller until it is
    // decided (up to a timeout); they fall back at once instead.
    if (this.breaker.state === CircuitState.HalfOpen) throw new BackendUnavailableError(`${this.backend}: being tested after an outage`);
    try {
      return await this.policy.execute(() => command());
    } catch (error) {
      throw new BackendUnavailableError(`${this.backend} unavailable: ${(error as Error).message}`, { cause: error });
    }
  }
}
