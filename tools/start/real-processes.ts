import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Receives every line a child writes, with the child's name. */
export type LineSink = (name: string, line: string, stream: 'stdout' | 'stderr') => void;

export interface Proc {
  name: string;
  child: ChildProcess;
  /** The last 200 lines it wrote, for failure reports. */
  output: string[];
  /** Its exit code once it has exited (null: killed by a signal). */
  exited: Promise<number | null>;
}

const KEPT_LINES = 200;
export const STOP_GRACE_MS = 15_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node <entry>` (relative to the repository) with its own environment on top of this one's. */
export function startProcess(name: string, entry: string, env: Record<string, string>, onLine: LineSink = () => {}): Proc {
  // A process group of its own: Ctrl+C in a terminal (or `timeout -s INT`) signals the whole
  // foreground group, and a service that got SIGINT and then the launcher's SIGTERM would take the
  // second signal as "exit now". So only the launcher decides when and how a child stops.
  const child = spawn(process.execPath, [entry], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  const keep = (stream: 'stdout' | 'stderr') => (line: string) => {
    output.push(line);
    if (output.length > KEPT_LINES) output.shift();
    onLine(name, line, stream);
  };
  createInterface({ input: child.stdout! }).on('line', keep('stdout'));
  createInterface({ input: child.stderr! }).on('line', keep('stderr'));
  const exited = new Promise<number | null>((resolve) => {
    // 'close', not 'exit': by then every line it wrote has been handed on.
    child.once('close', (code) => resolve(code));
    child.once('error', (error) => {
      keep('stderr')(`could not start: ${error.message}`);
      resolve(null);
    });
  });
  return { name, child, output, exited };
}

const hasExited = (proc: Proc) => proc.child.exitCode !== null || proc.child.signalCode !== null || proc.child.pid === undefined;

/** Waits until `url` answers 2xx; fails when the process exits, the time is up or `signal` aborts. */
export async function waitReady(proc: Proc, url: string, timeoutMs = 60_000, signal?: AbortSignal): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    signal?.throwIfAborted();
    if (hasExited(proc)) throw new Error(`${proc.name} exited with ${proc.child.exitCode ?? proc.child.signalCode}:\n${proc.output.join('\n')}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name} not ready at ${url} within ${timeoutMs} ms:\n${proc.output.join('\n')}`);
}

/** SIGTERM and wait for the graceful shutdown; SIGKILL when it takes longer than `graceMs`. */
export async function stopProcess(proc: Proc, graceMs = STOP_GRACE_MS): Promise<number | null> {
  if (hasExited(proc)) return proc.child.exitCode;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  const code = await proc.exited;
  clearTimeout(timer);
  return code;
}
