import type { KnipConfig } from 'knip';

// `npm run knip`: unused files, exports, types and dependencies. Entry points not listed here come from the
// plugins: package.json scripts (services' src/main.ts and src/migrate.ts, scripts/*.ts), vitest's test
// files and global setup, vite's config, eslint's config.

export default {
  workspaces: {
    '.': {
      // Bundled by name for the benchmark's child processes (scripts/bench/harness.ts BENCH_ENTRIES).
      entry: [
        'scripts/*.ts!',
        'scripts/{bench,chaos}/main.ts!',
        'scripts/bench/{fake-cloud-api,generator}.ts!',
        'scripts/bench/baseline/*.ts!',
      ],
      project: ['scripts/**/*.ts!', '*.{ts,js,cjs}'],
    },
    'libs/*': {
      project: ['src/**/*.ts!', 'test/**/*.ts'],
    },
    'services/*': {
      entry: ['src/{main,migrate}.ts!'],
      project: ['src/**/*.ts!', 'test/**/*.ts'],
    },
    'services/admin-console': {
      entry: ['tools/*.ts'],
      project: ['src/**/*.{ts,tsx}!', 'test/**/*.ts', 'tools/**/*.ts'],
    },
    'services/conversation-engine': {
      // Started as child processes by path (engine.int.test.ts), and a benchmark run by hand (its header).
      entry: ['src/{main,migrate}.ts!', 'test/fixtures/*.ts', 'test/report-bench.ts'],
      project: ['src/**/*.ts!', 'test/**/*.ts'],
    },
    'services/whatsapp-sandbox': {
      // The phone page's script, bundled by esbuild (src/adapters/http/page-assets.ts).
      entry: ['page/src/main.ts!'],
      project: ['src/**/*.ts!', 'page/src/**/*.ts!', 'test/**/*.ts'],
    },
  },
  // The manifests test runs `kubectl kustomize`: a system tool, not an npm package.
  ignoreBinaries: ['kubectl'],
  ignoreIssues: {
    // The root's dependencies are the image's production install and the build's externals (scripts/build.ts),
    // a copy of what the workspaces list. (An ignoreDependencies on the root would hide them in every workspace.)
    'package.json': ['dependencies'],
    // Generated from admin-api's route table: every type is emitted whether or not the console uses it.
    '**/*.gen.ts': ['exports', 'types'],
    // Kysely calls up/down through the static migrations record (migrations/index.ts imports each as a namespace).
    '**/migrations/2*.ts': ['exports'],
  },
} satisfies KnipConfig;
