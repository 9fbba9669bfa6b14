// Lint = code quality + architecture: `@nx/enforce-module-boundaries` turns the rules of the house
// into errors (see docs/adr/0004-module-boundaries.md).
const nx = require('@nx/eslint-plugin');

module.exports = [
  { ignores: ['**/node_modules/**', '.nx/**', '**/dist/**', 'coverage/**', '.local/**', 'deploy/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Apps are thin shells over the domain libs and the platform.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:testing', 'type:contracts'] },
            // A domain lib uses the platform and other domain libs' exported services.
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:testing', 'type:contracts'] },
            // Test builders know the platform only (they write through SQL, not through domain code).
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            // The platform knows no domain.
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            // Contracts (libs/contracts) are what the server and the console both run: anyone may
            // use them, and they use nothing, so the console's bundle never pulls server code in.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'scope:contracts'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:contracts'] },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:contracts'] },
            // tools/ (demo data, benchmarks, test harness) may use anything.
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:contracts'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Issue 11: a value from outside is never a key into a plain object (`TABLE["__proto__"]` is
    // Object.prototype). Constant tables are Maps (`lookupTable`) or read with `ownValue` /
    // `requiredValue` (libs/contracts/src/lookup.ts); this refuses `SOME_TABLE[key]` with a
    // computed key in the product's sources (specs and tools index their own arrays freely).
    files: ['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[computed=true][object.type='Identifier'][object.name=/^[A-Z][A-Z0-9_]+$/]:not([property.type='Literal'])",
          message: 'Look up a constant table with lookupTable()/Map.get, ownValue() or requiredValue() (contracts/lookup.ts): a plain object answers "__proto__" and "constructor".',
        },
      ],
    },
  },
  {
    // Issue 18: every Redis connection of the product is made by one factory, from REDIS_MODE
    // (single server, Sentinel, Cluster); a `new IORedis(url)` elsewhere would ignore the mode.
    files: ['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/platform/src/redis/redis-client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'ioredis', allowTypeImports: true, message: 'Open Redis connections with createRedisClient() (libs/platform/src/redis/redis-client.ts): it follows REDIS_MODE.' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tools/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
  },
];
