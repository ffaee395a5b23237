import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import type { SyncResult } from './sync-request.ts';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

// A stand-in gateway: answers what the test sets, and records what it was sent.
let answer: unknown = {};
const received: { headers: Record<string, unknown>; body: { query: string; variables: { schoolId: string; dryRun: boolean; snapshot: { year: number; intakeIsCap: boolean; programmes: unknown[] } } } }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({ headers: req.headers, body: JSON.parse(body) });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer));
  });
});
let gateway = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const result = (over: Partial<SyncResult>): SyncResult => ({
  schoolId: 's-1', year: 2026, dryRun: false, alreadyApplied: false, snapshotHash: 'h', added: [], changed: [], retired: [], unchanged: [], kept: [], rejected: [], ...over,
});

async function run(args: string[], env: Record<string, string> = { EDUGRAPH_API_KEY: 'key-of-the-vocational-centre' }) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(['--gateway', gateway, ...args], env, (t) => out.push(t), (t) => err.push(t));
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('edugraph-sync', () => {
  it('sends the snapshot with the API key and reports the changes of a dry run (exit 0)', async () => {
    answer = { data: { syncCatalogue: result({ dryRun: true, added: [{ code: '740201', name: '中餐烹饪', programmeId: null }], changed: [{ code: '710201', name: '计算机应用', programmeId: 'p1', fields: ['annualIntake'] }], retired: [{ code: '770101', name: '幼儿保育', programmeId: 'p2' }], unchanged: ['660301', '700206', '720201', '740101'] }) } };
    const { status, out } = await run(['--school', 's-1', '--file', `${SAMPLES}catalogue-2026-gb18030.csv`, '--dry-run', '--year', '2026']);
    expect(status).toBe(0);
    const sent = received.at(-1)!;
    expect(sent.headers['x-api-key']).toBe('key-of-the-vocational-centre');
    expect(sent.body.query).toContain('syncCatalogue(schoolId: $schoolId, snapshot: $snapshot, dryRun: $dryRun)');
    expect(sent.body.variables).toMatchObject({ schoolId: 's-1', dryRun: true, snapshot: { year: 2026, intakeIsCap: false } });
    expect(sent.body.variables.snapshot.programmes).toHaveLength(6);
    expect(out).toMatch(/^School s-1, year 2026 \| file .*catalogue-2026-gb18030\.csv \(CSV, encoding GB 18030\) \| 6 programme rows read \| DRY RUN/);
    expect(out).toMatch(/│ \+ │ 740201 │ 中餐烹饪 +│ added/);
    expect(out).toMatch(/│ ~ │ 710201 │ 计算机应用 +│ changed: annualIntake/);
    expect(out).toMatch(/│ − │ 770101 │ 幼儿保育 +│ retired/);
    expect(out).toContain('added 1, changed 1, retired 1, unchanged 4, kept 0');
    expect(out).toContain('Dry run: nothing was written.');
    expect(out).not.toMatch(/\u001b\[/); // no colours
  });

  it('says when the snapshot was already applied, and sends a staff token as a bearer token', async () => {
    answer = { data: { syncCatalogue: result({ alreadyApplied: true, unchanged: 6 }) } };
    const { status, out } = await run(['--school', 's-1', '--file', `${SAMPLES}catalogue-2026.json`], { EDUGRAPH_TOKEN: 'staff-token' });
    expect(status).toBe(0);
    expect(received.at(-1)!.headers['authorization']).toBe('Bearer staff-token');
    expect(out).toContain('This snapshot was already applied: nothing changed.');
  });

  it('lists rejected rows with their line in the file and the text written there (exit 1)', async () => {
    answer = {
      data: {
        syncCatalogue: result({
          added: [{ code: '710299', name: '人工智能技术应用', programmeId: 'p3' }],
          kept: ['700206'],
          rejected: [
            { row: 8, code: 'INVALID_INTAKE', programmeCode: '700206', field: 'annualIntake', message: 'Annual intake must be a whole number' },
            { row: 4, code: 'UNKNOWN_CATALOGUE_CODE', programmeCode: '790199', field: 'code', message: '790199 is not in the catalogue' },
          ],
        }),
      },
    };
    const { status, out } = await run(['--school', 's-1', '--file', `${SAMPLES}catalogue-2026-mixed.csv`, '--intake-cap']);
    expect(status).toBe(1);
    expect(received.at(-1)!.body.variables.snapshot.intakeIsCap).toBe(true);
    expect(received.at(-1)!.body.variables.snapshot.programmes).toHaveLength(12);
    expect(out).toContain('kept 1 [700206] (row rejected, programme kept as it was), rejected rows 2');
    expect(out).toContain('2 rows rejected');
    const lines = out.split('\n');
    const unknown = lines.findIndex((l) => /│ 6 +│ 790199 +│ code +│ UNKNOWN_CATALOGUE_CODE │ 790199 is not in the catalogue +│/.test(l));
    const intake = lines.findIndex((l) => /│ 10 +│ 700206 +│ annualIntake +│ INVALID_INTAKE +│ Annual intake must be a whole number \(in the file: "12\.5"\) │/.test(l));
    expect(unknown).toBeGreaterThan(0);
    expect(intake).toBeGreaterThan(unknown);
  });

  it('prints GraphQL errors with their code (exit 2)', async () => {
    answer = { errors: [{ message: 'This key may not sync that school', extensions: { code: 'FORBIDDEN' } }], data: null };
    const { status, err } = await run(['--school', 's-2', '--file', `${SAMPLES}catalogue-2026.csv`]);
    expect(status).toBe(2);
    expect(err).toBe('FORBIDDEN: This key may not sync that school');
  });

  it('names the gateway it could not reach (exit 2)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const out: string[] = [];
    const err: string[] = [];
    const status = await main(['--gateway', url, '--school', 's', '--file', `${SAMPLES}catalogue-2026.csv`], { EDUGRAPH_API_KEY: 'k' }, (t) => out.push(t), (t) => err.push(t));
    expect(status).toBe(2);
    expect(err.join('\n')).toBe(`Could not reach the EduGraph gateway at ${url}: ECONNREFUSED.`);
  });

  it('stops at file and usage errors without calling the gateway (exit 2)', async () => {
    const before = received.length;
    const badHeader = await run(['--school', 's', '--file', `${SAMPLES}catalogue-bad-header.csv`]);
    expect(badHeader.status).toBe(2);
    expect(badHeader.err).toMatch(/missing required column annualIntake/);
    const noKey = await run(['--school', 's', '--file', `${SAMPLES}catalogue-2026.csv`], {});
    expect(noKey.status).toBe(2);
    expect(noKey.err).toMatch(/Set EDUGRAPH_API_KEY/);
    expect(received.length).toBe(before);
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.out).toMatch(/^Usage: edugraph-sync --school <id> --file/);
  });
});
