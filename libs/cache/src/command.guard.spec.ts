import { describe, expect, it, vi } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { BackendUnavailableError, CommandGuard } from './command.guard.ts';

function guardWithLog(options: { failuresToOpen?: number; halfOpenAfterMs?: number } = {}) {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const guard = new CommandGuard({ logger: pino(stream), backend: 'Redis', fallback: 'using memory', commandTimeoutMs: 20, ...options });
  return { guard, lines };
}
const never = () => new Promise<never>(() => {});
const failing = async () => {
  throw new Error('ECONNREFUSED');
};

describe('CommandGuard', () => {
  it('gives up on a command that never answers', async () => {
    const { guard } = guardWithLog();
    await expect(guard.execute(never)).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it('opens after consecutive failures and then answers without calling the backend', async () => {
    const { guard } = guardWithLog({ failuresToOpen: 3, halfOpenAfterMs: 60_000 });
    for (const command of [failing, never, failing]) await expect(guard.execute(command)).rejects.toBeInstanceOf(BackendUnavailableError);
    const command = vi.fn(async () => 'answer');
    await expect(guard.execute(command)).rejects.toBeInstanceOf(BackendUnavailableError);
    expect(command).not.toHaveBeenCalled();
    expect(guard.available).toBe(false);
  });

  it('lets one command test the backend after a while, the others falling back meanwhile, and closes when it answers', async () => {
    const { guard, lines } = guardWithLog({ failuresToOpen: 1, halfOpenAfterMs: 10 });
    await expect(guard.execute(failing)).rejects.toBeInstanceOf(BackendUnavailableError);
    const halfOpen = () => new Promise((r) => setTimeout(r, 15));
    // Trials that fail reopen the breaker: still one outage.
    for (let i = 0; i < 3; i++) {
      await halfOpen();
      await expect(guard.execute(failing)).rejects.toThrow(/ECONNREFUSED/);
    }
    await halfOpen();
    let answer!: (value: string) => void;
    const trial = guard.execute(() => new Promise<string>((resolve) => (answer = resolve)));
    const other = vi.fn(async () => 'other');
    await expect(guard.execute(other)).rejects.toBeInstanceOf(BackendUnavailableError);
    expect(other).not.toHaveBeenCalled();
    answer('PONG');
    expect(await trial).toBe('PONG');
    expect(guard.available).toBe(true);
    expect(await guard.execute(async () => 'normal again')).toBe('normal again');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, 'Redis unavailable; using memory until it answers again'],
      [30, 'Redis answers again'],
    ]);
  });
});
