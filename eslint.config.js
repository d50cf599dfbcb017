import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const services = ['webhook-gateway', 'conversation-engine', 'whatsapp-sender', 'admin-api', 'whatsapp-sandbox', 'admin-console'];

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@app/*/*'], message: 'Import libs from their package root only (no deep imports).' },
            { group: ['**/libs/*/src/**', '**/libs/*/src'], message: 'Import libs through @app/<name>.' },
            { group: services.map((s) => `@app/${s}`), message: 'A service never imports another service.' },
            { group: ['**/services/**'], message: 'A service never imports another service.' },
          ],
        },
      ],
    },
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
);
