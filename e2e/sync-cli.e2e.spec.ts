import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import type { ApiKey } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { eventually, graphql } from '@edugraph/testing';
import { readSnapshotFile, requestSync } from '@edugraph/sync-cli';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import type { EmbeddedSystem } from '../tools/start/embedded-system.ts';
import { importCatalogueFile } from '../tools/catalogue/import-catalogue.ts';
import { DEMO_INDUSTRIES } from '../tools/demo/demo-city.ts';
import { REGISTER } from './city-question.ts';

const JWT_SECRET = 'sync-cli-e2e-jwt-secret-0123456789abcdef';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = 'tools/sync-cli/src/cli.ts';
const SAMPLES = 'tools/samples';
const KEY = 'sync-key-of-the-vocational-centre-0001';
const OTHER_SCHOOLS_KEY = 'sync-key-of-another-vocational-school-01';
const SET_INDUSTRIES = `mutation($industries: [IndustryInput!]!) { setIndustries(industries: $industries) { code } }`;
const CATALOGUE = ['660301', '700206', '710201', '720201', '740101', '740201'];

describe('edugraph-sync against the embedded system: a vocational school pushes its catalogue', () => {
  let system: EmbeddedSystem;
  let staff: Record<string, string>;
  let schoolId = '';
  // The gateway reads this array on every request: keys are added once the school id is known.
  const apiKeys: ApiKey[] = [];

  const cli = (args: string[], key = KEY) =>
    new Promise<{ status: number; out: string }>((resolve) => {
      const env = { ...process.env, EDUGRAPH_API_KEY: key, EDUGRAPH_TOKEN: '' };
      execFile(process.execPath, [CLI, '--gateway', system.gatewayUrl, '--school', schoolId, '--year', '2026', ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ status, out: `${stdout}${stderr}` });
      });
    });
  const programmes = async () =>
    (await graphql<{ institution: { programmes: { code: string }[] } }>(system.gatewayUrl, `{ institution(id: "${schoolId}") { programmes { code } } }`, {}, staff)).institution.programmes
      .map((p) => p.code)
      .sort();

  beforeAll(async () => {
    system = await startEmbeddedSystem({ dataDir: ':memory:', gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent'), apiKeys, responseCacheMiB: 0 });
    const token = await issueToken(JWT_SECRET, { id: 'e2e-staff', roles: ['BUREAU_STAFF'] });
    staff = { authorization: `Bearer ${token}` };
    const input = { name: '市职业教育中心（同步测试）', level: 'VOCATIONAL', ownership: 'PUBLIC', districtCode: 'CG' };
    schoolId = (await graphql<{ registerInstitution: { institution: { id: string } } }>(system.gatewayUrl, REGISTER, { input }, staff)).registerInstitution.institution.id;
    await importCatalogueFile(system.gatewayUrl, staff, `${ROOT}tools/catalogue/national-catalogue.sample.csv`);
    // The city's industries the sample programmes serve.
    await graphql(system.gatewayUrl, SET_INDUSTRIES, { industries: DEMO_INDUSTRIES }, staff);
    apiKeys.push({ name: 'vocational-centre-system', key: KEY, roles: ['CITY_SYSTEM'], scopes: [`catalogue:sync@${schoolId}`] });
    apiKeys.push({ name: 'another-school-system', key: OTHER_SCHOOLS_KEY, roles: ['CITY_SYSTEM'], scopes: ['catalogue:sync@00000000-0000-7000-8000-000000000001'] });
    // The vocational service learns of the school from the licensing service's event.
    const { snapshot } = readSnapshotFile(`${ROOT}${SAMPLES}/catalogue-2026.csv`, { year: 2026 });
    await eventually(() => requestSync(system.gatewayUrl, { apiKey: KEY }, schoolId, snapshot, true));
  });
  afterAll(() => system?.stop());

  it('previews the catalogue in a dry run, writes it, and knows a snapshot applied twice', async () => {
    const dry = await cli(['--file', `${SAMPLES}/catalogue-2026.csv`, '--dry-run']);
    expect(dry.out).toMatch(/encoding UTF-8\) \| 6 programme rows read \| DRY RUN/);
    for (const code of CATALOGUE) expect(dry.out).toMatch(new RegExp(`│ \\+ │ ${code} │`));
    expect(dry.out).toContain('Dry run: nothing was written.');
    expect(dry.status).toBe(0);
    expect(await programmes()).toEqual([]);

    const real = await cli(['--file', `${SAMPLES}/catalogue-2026.csv`]);
    expect(real.out).toContain('added 6, changed 0, retired 0, unchanged 0');
    expect(real.status).toBe(0);
    expect(await programmes()).toEqual(CATALOGUE);

    const again = await cli(['--file', `${SAMPLES}/catalogue-2026.csv`]);
    expect(again.out).toContain('This snapshot was already applied: nothing changed.');
    expect(again.status).toBe(0);
  });

  it('reads the same programmes from the GB 18030, BOM and JSON files', async () => {
    for (const [file, encoding] of [['catalogue-2026-gb18030.csv', 'GB 18030'], ['catalogue-2026-bom.csv', 'UTF-8 with BOM'], ['catalogue-2026.json', 'UTF-8']] as const) {
      const run = await cli(['--file', `${SAMPLES}/${file}`, '--dry-run']);
      expect(run.out).toContain(`encoding ${encoding})`);
      expect(run.out).toContain('added 0, changed 0, retired 0, unchanged 6, kept 0');
      expect(run.status).toBe(0);
    }
  });

  it('applies a changed catalogue: a new intake, a retirement, an addition', async () => {
    const run = await cli(['--file', `${SAMPLES}/catalogue-2026-changed.csv`]);
    expect(run.out).toMatch(/│ ~ │ 710201 │ 计算机应用 +│ changed: annualIntake +│/);
    expect(run.out).toMatch(/│ − │ 740201 │ 中餐烹饪 +│ retired +│/);
    expect(run.out).toMatch(/│ \+ │ 770101 │ 幼儿保育 +│ added +│/);
    expect(run.status).toBe(0);
    expect(await programmes()).toEqual(['660301', '700206', '710201', '720201', '740101', '770101']);
  });

  it('rejects the bad rows of a mixed file by line, keeps their programmes and applies the good rows', async () => {
    const run = await cli(['--file', `${SAMPLES}/catalogue-2026-mixed.csv`, '--intake-cap']);
    const rejected = [
      [6, '790199', 'code', 'UNKNOWN_CATALOGUE_CODE'],
      [7, '510201', 'code', 'WRONG_LEVEL'],
      [8, '740101', 'code', 'DUPLICATE_CODE'],
      [9, '730701', 'annualIntake', 'INVALID_INTAKE'],
      [10, '700206', 'annualIntake', 'INVALID_INTAKE'],
      [11, '770101', 'enrolled', 'ENROLLED_ABOVE_INTAKE'],
      [12, '730301', 'partnerEnterprises\\[0\\]\\.creditCode', 'INVALID_CREDIT_CODE'],
      [14, '710298', 'code', 'UNKNOWN_CATALOGUE_CODE'],
    ] as const;
    for (const [line, code, field, problem] of rejected) expect(run.out).toMatch(new RegExp(`│ ${line} +│ ${code} +│ ${field} +│ ${problem} +│`));
    expect(run.out).toMatch(/│ 10 +│ 700206 .*12\.5/);
    expect(run.out).toMatch(/│ \+ │ 710299 │ 人工智能技术应用 +│ added/);
    expect(run.out).toMatch(/│ − │ 710201 │ 计算机应用 +│ retired/);
    expect(run.status).toBe(1);
    // Rejected rows keep their programmes (700206, 770101); the good rows are applied.
    expect(await programmes()).toEqual(['660301', '700206', '710299', '720201', '740101', '770101']);
  });

  it('refuses a file without a required column, and a key of another school', async () => {
    const badHeader = await cli(['--file', `${SAMPLES}/catalogue-bad-header.csv`]);
    expect(badHeader.out).toMatch(/catalogue-bad-header\.csv line 1, the header row: missing required column annualIntake/);
    expect(badHeader.status).toBe(2);
    const forbidden = await cli(['--file', `${SAMPLES}/catalogue-2026.csv`, '--dry-run'], OTHER_SCHOOLS_KEY);
    expect(forbidden.out).toMatch(/^FORBIDDEN: /m);
    expect(forbidden.status).toBe(2);
  });
});
