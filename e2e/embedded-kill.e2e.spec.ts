import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { eventually, graphql } from '@edugraph/testing';
import { REGISTER } from './city-question.ts';
import { repoRoot } from './processes.ts';

const JWT_SECRET = 'embedded-kill-jwt-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'edugraph-kill-'));
const children: ChildProcess[] = [];

/** Starts `npm start`'s system in a child process and resolves with its gateway URL. */
function startChild(mode: 'relays' | 'no-relays'): Promise<{ child: ChildProcess; gatewayUrl: string }> {
  const child = spawn(process.execPath, ['e2e/fixtures/embedded-child.ts', dataDir, mode], { cwd: repoRoot, env: { ...process.env, EDUGRAPH_JWT_SECRET: JWT_SECRET }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const line = output.split('\n').find((l) => l.startsWith('{"gatewayUrl"'));
      if (line) resolve({ child, gatewayUrl: (JSON.parse(line) as { gatewayUrl: string }).gatewayUrl });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)));
    child.once('exit', (code) => reject(new Error(`embedded child exited with ${code}:\n${output}`)));
  });
}

describe('the embedded default killed between an outbox write and its delivery', () => {
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers the event after the restart: nothing is lost', async () => {
    const staff = { authorization: `Bearer ${await issueToken(JWT_SECRET, { id: 'kill-staff', roles: ['BUREAU_STAFF'] })}` };
    const first = await startChild('no-relays');
    const input = { name: 'Killed Before Delivery School', level: 'PRIMARY', ownership: 'PUBLIC', districtCode: 'D01' };
    const id = (await graphql<{ registerInstitution: { institution: { id: string } } }>(first.gatewayUrl, REGISTER, { input }, staff)).registerInstitution.institution.id;
    const setSeats = (url: string) => graphql(url, `mutation { setSeatCapacity(input: { institutionId: "${id}", year: 2026, grade: 1, capacity: 40 }) { seatPool { capacity } } }`, {}, staff);
    // Written in licensing's outbox, not delivered: enrollment does not know the school yet.
    await expect(setSeats(first.gatewayUrl)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startChild('relays');
    await eventually(() => setSeats(second.gatewayUrl), 30_000, 200);
    second.child.kill('SIGTERM');
  }, 90_000);
});
