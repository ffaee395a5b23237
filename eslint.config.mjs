import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const services = ['enrollment', 'preschool', 'licensing', 'vocational', 'feedback'];

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
        ...services.map((s) => ({ sourceTag: `scope:${s}`, onlyDependOnLibsWithTags: ['scope:shared', ...extra] })),
        { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', ...extra] },
      ],
    },
  ];
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
];
