import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const services = ['webhook-gateway', 'conversation-engine', 'whatsapp-sender', 'admin-api', 'whatsapp-sandbox', 'admin-console'];

// In flat config a later `no-restricted-imports` entry replaces an earlier one for the files it matches, so
// every block that sets the rule repeats these.
const basePatterns = [
  { group: ['@app/*/*'], message: 'Import libs from their package root only (no deep imports).' },
  { group: ['**/libs/*/src/**', '**/libs/*/src'], message: 'Import libs through @app/<name>.' },
  { group: services.map((s) => `@app/${s}`), message: 'A service never imports another service.' },
  { group: ['**/services/**'], message: 'A service never imports another service.' },
];

// domain/ is pure types and functions (time and ids passed in), so it is tested without infrastructure and
// read without knowing it. @app/contracts and zod are pure and allowed; so is node:crypto (hashing is pure).
const domainPatterns = [
  {
    regex: '^\\.{1,2}/(.*/)?(adapters|use-cases|db|main|config)(/|$)',
    message:
      'domain/ imports nothing from adapters, use-cases, db, config or main: move what it needs into domain/, or the test beside the code it checks.',
  },
  {
    group: [
      '@app/db',
      '@app/messaging',
      '@app/runtime',
      '@app/media-store',
      '@app/telemetry',
      '@app/logging',
      '@app/config',
      '@app/testing',
      '@app/whatsapp-double',
      'pg',
      'kysely',
      'nats',
      '@nats-io/*',
      'bullmq',
      'ioredis',
      'express',
      'undici',
      'jsonwebtoken',
      'argon2',
      'pino',
      'prom-client',
      'rate-limiter-flexible',
      '@aws-sdk/*',
      '@opentelemetry/*',
    ],
    message: 'domain/ does no I/O: take what it needs as a parameter and keep the client in an adapter.',
  },
  {
    regex: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|readline)$',
    message: 'domain/ does no I/O: take what it needs as a parameter and keep the I/O in an adapter.',
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'coverage/**', '**/*.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: basePatterns }],
    },
  },
  {
    // Tests included: a domain test that needs an adapter or a migration belongs beside that code instead.
    // The admin console has no domain/: it is a browser client whose feature folders hold views and the
    // small pure helpers beside them; a src/domain/ added there is covered by this block.
    files: ['services/*/src/domain/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...basePatterns, ...domainPatterns] }] },
  },
  {
    // Command-line scripts talk to a person on a terminal.
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Migrations are written against Kysely<any> on purpose: they must not depend on today's table types.
    files: ['**/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The admin console (React): the hooks rules, including the React Compiler's checks of render purity.
    files: ['services/admin-console/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // Build-time tooling: the console's API types are generated from admin-api's route table, in-process.
    files: ['services/admin-console/tools/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tool configuration that must be CommonJS (dependency-cruiser's).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
