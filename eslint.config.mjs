import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Who may import whom. Tests may also use the testing library; production code may not. */
function boundaries(withTesting) {
  const extra = withTesting ? ['scope:testing'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', ...extra] },
        { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:testing'] },
        // Every app (each service, the gateway) alike: no list of services to keep in step here.
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared', ...extra] },
      ],
    },
  ];
}

const TEST_LIBRARIES = ['vitest', 'fast-check'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * `no-restricted-imports` for a folder that may import only its own files and the named packages.
 * A file `depth` folders below the root may climb at most `depth` levels, so `../entities/x.ts`
 * from `domain/x.ts` is refused while `../types.ts` from `domain/placement/lottery.ts` is not.
 */
function onlyImports(depth, packages, why) {
  const allowed = packages.map((p) => `${escape(p)}(/|$)`).join('|');
  return [
    'error',
    {
      patterns: [
        { regex: `^(?!\\.{1,2}/${allowed ? `|${allowed}` : ''})`, message: why },
        { regex: `^(\\./)?(\\.\\./){${depth + 1},}`, message: `${why} This path leaves the folder.` },
      ],
    },
  ];
}

const MAX_DEPTH = 6;
/**
 * One config block per depth below `root`, for code and for test code (`*.spec.ts` and files in a
 * `spec-support/` folder), which may use the test libraries as well. Files deeper than MAX_DEPTH
 * get the depth-0 rule: they may still import their own folder and below.
 */
function confined(root, packages, why) {
  const blocks = [{ files: [`${root}/**/*.ts`], rules: { 'no-restricted-imports': onlyImports(0, packages, why) } }];
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const dir = `${root}/${'*/'.repeat(depth)}`;
    const tests = [`${dir}*.spec.ts`, ...(depth > 0 ? [`${root}/${'*/'.repeat(depth - 1)}spec-support/*.ts`] : [])];
    blocks.push({ files: [`${dir}*.ts`], rules: { 'no-restricted-imports': onlyImports(depth, packages, why) } });
    blocks.push({ files: tests, rules: { 'no-restricted-imports': onlyImports(depth, [...packages, ...TEST_LIBRARIES], why) } });
  }
  return blocks;
}

export default [
  {
    ignores: ['**/node_modules/**', 'tools/node/.runtime/**', 'tools/kafka/.lib/**', '.data/**', '.nx/**', '**/*.js', '**/*.mjs'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Services meet only in the supergraph and in events: an app may use libraries, never
      // another app; each service may use shared libraries and its own code only.
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  // The domain holds the rules and state machines: no ORM, events, entities, GraphQL or I/O, so
  // every rule is unit-tested without infrastructure.
  ...confined('apps/*/src/domain', ['@edugraph/rules'], 'domain/ imports only @edugraph/rules and files of its own domain folder (no ORM, events, entities or I/O).'),
  // Pure rules every service shares: calendar data and hashing, nothing that talks to the world.
  ...confined('libs/rules/src', ['chinese-days', 'node:crypto'], 'libs/rules is pure: it imports only its own files, chinese-days and node:crypto (no infrastructure, no I/O).'),
];
