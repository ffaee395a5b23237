import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { prefixedLines } from './real-system.ts';
import { startProcess, stopProcess } from './real-processes.ts';

const dir = mkdtempSync(`${tmpdir()}/real-processes-`);
function script(name: string, code: string): string {
  writeFileSync(`${dir}/${name}.mjs`, code);
  return `${dir}/${name}.mjs`;
}

describe('the launcher’s child processes', () => {
  it('hands on each line a child writes with its name, and stops it with SIGTERM', async () => {
    const entry = script(
      'graceful',
      "process.on('SIGTERM', () => { console.log('draining'); process.exit(0); });\nconsole.log('one\\ntwo'); console.error('three');\nsetInterval(() => {}, 1000);\n",
    );
    const lines: string[] = [];
    const proc = startProcess('probe', entry, { HOME_TOWN: 'x' }, (name, line, stream) => lines.push(`${name} ${stream} ${line}`));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => lines.length >= 3 && (clearInterval(check), resolve()), 20);
    });
    expect(await stopProcess(proc)).toBe(0);
    expect(lines).toEqual(expect.arrayContaining(['probe stdout one', 'probe stdout two', 'probe stderr three', 'probe stdout draining']));
    expect(proc.output).toContain('draining');
  });

  it('kills a child that does not stop within the grace period', async () => {
    const entry = script('stubborn', "process.on('SIGTERM', () => console.log('ignoring'));\nconsole.log('up');\nsetInterval(() => {}, 1000);\n");
    const proc = startProcess('stubborn', entry, {});
    await new Promise<void>((resolve) => {
      const check = setInterval(() => proc.output.includes('up') && (clearInterval(check), resolve()), 20);
    });
    expect(await stopProcess(proc, 200)).toBeNull();
    expect(proc.child.signalCode).toBe('SIGKILL');
  });

  it('prefixes each line with the process name, padded like docker compose', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const sink = prefixedLines(stream, stream);
    sink('gateway', '{"msg":"listening"}', 'stdout');
    sink('kafka', 'kafka: up', 'stderr');
    expect(written).toEqual(['gateway    | {"msg":"listening"}\n', 'kafka      | kafka: up\n']);
  });
});
