import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The architecture's one hard rule, checked by lint: services meet only in the graph and in events. */
describe('module boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    // The rule reads Nx's project graph; computing it once makes it available offline.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
    eslint = new ESLint({ cwd: root });
  }, 60_000);

  const lintWith = (ruleId: string) => async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: `${root}${file}` }))[0]!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
  const lint = lintWith('@nx/enforce-module-boundaries');
  const lintImports = lintWith('no-restricted-imports');
  const importing = (from: string) => `import * as probe from '${from}';\nexport const x = probe;\n`;

  it('fails a service that imports another service', async () => {
    const messages = await lint('apps/enrollment/src/probe.ts', "import { licensingService } from '@edugraph/licensing';\nexport const x = licensingService;\n");
    expect(messages).toEqual([expect.stringMatching(/can only depend on libs tagged with "type:lib"/)]);
  });

  it('fails a library that imports a service, and lets a service use shared libraries', async () => {
    expect(await lint('libs/events/src/probe.ts', "import { feedbackService } from '@edugraph/feedback';\nexport const x = feedbackService;\n")).toHaveLength(1);
    expect(await lint('apps/feedback/src/probe.ts', "import { AppError } from '@edugraph/platform';\nexport const x = AppError;\n")).toEqual([]);
  });

  describe('domain/ imports only @edugraph/rules and its own folder', () => {
    it.each([
      ['MikroORM', '@mikro-orm/core'],
      ['the events library', '@edugraph/events'],
      ['another shared library', '@edugraph/contracts'],
      ['an I/O module', 'node:fs'],
    ])('refuses %s', async (_what, from) => {
      expect(await lintImports('apps/licensing/src/domain/probe.ts', importing(from))).toEqual([expect.stringMatching(/domain\/ imports only @edugraph\/rules/)]);
    });

    it('refuses an entities file and another folder of the service, from any depth', async () => {
      expect(await lintImports('apps/licensing/src/domain/probe.ts', importing('../entities/institution.entity.ts'))).toEqual([expect.stringMatching(/leaves the folder/)]);
      expect(await lintImports('apps/enrollment/src/domain/placement/probe.ts', importing('../../application/run-placement.command.ts'))).toEqual([expect.stringMatching(/leaves the folder/)]);
      expect(await lintImports('apps/enrollment/src/domain/placement/spec-support/probe.ts', importing('../../../graphql/x.ts'))).toEqual([expect.stringMatching(/leaves the folder/)]);
    });

    it('refuses test libraries outside tests', async () => {
      expect(await lintImports('apps/licensing/src/domain/probe.ts', importing('vitest'))).toHaveLength(1);
    });

    it('allows the rules, its own folder from any depth, and test helpers in specs', async () => {
      expect(await lintImports('apps/licensing/src/domain/probe.ts', importing('@edugraph/rules'))).toEqual([]);
      expect(await lintImports('apps/enrollment/src/domain/placement/probe.ts', `${importing('../seat-capacity.rules.ts')}import { y } from './types.ts';\nexport { y };\n`)).toEqual([]);
      const spec = "import fc from 'fast-check';\nimport { it } from 'vitest';\nimport { city } from './spec-support/random-city.ts';\nexport { fc, it, city };\n";
      expect(await lintImports('apps/enrollment/src/domain/placement/probe.spec.ts', spec)).toEqual([]);
      expect(await lintImports('apps/enrollment/src/domain/placement/spec-support/probe.ts', importing('fast-check'))).toEqual([]);
    });
  });

  describe('libs/rules imports no infrastructure', () => {
    it.each(['pg', '@mikro-orm/core', 'node:fs', 'kafkajs', '@edugraph/events', '../../events/src/outbox.ts'])('refuses %s', async (from) => {
      expect(await lintImports('libs/rules/src/probe.ts', importing(from))).toHaveLength(1);
    });

    it('allows its own files, the calendar data and hashing', async () => {
      for (const from of ['./money.ts', 'chinese-days/dist/chinese-days.json', 'node:crypto']) expect(await lintImports('libs/rules/src/probe.ts', importing(from))).toEqual([]);
    });
  });
});
