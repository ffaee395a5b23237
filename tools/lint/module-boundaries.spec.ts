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

  const lint = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: `${root}${file}` }))[0]!.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);

  it('fails a service that imports another service', async () => {
    const messages = await lint('apps/enrollment/src/probe.ts', "import { licensingService } from '@edugraph/licensing';\nexport const x = licensingService;\n");
    expect(messages).toEqual([expect.stringMatching(/can only depend on libs tagged with "type:lib"/)]);
  });

  it('fails a library that imports a service, and lets a service use shared libraries', async () => {
    expect(await lint('libs/events/src/probe.ts', "import { feedbackService } from '@edugraph/feedback';\nexport const x = feedbackService;\n")).toHaveLength(1);
    expect(await lint('apps/feedback/src/probe.ts', "import { AppError } from '@edugraph/platform';\nexport const x = AppError;\n")).toEqual([]);
  });
});
