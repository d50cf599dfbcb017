import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const CONSOLE_ROOT = path.resolve(import.meta.dirname, '..');
export const CONSOLE_DIST = path.join(CONSOLE_ROOT, 'dist');

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/**
 * The browser tests drive the console admin-api serves, so it must be built from the sources under test.
 * CI builds it (`npm run build`) before the tests; a developer who changed a file gets a fresh build here.
 */
export function ensureConsoleBuilt(): void {
  const index = path.join(CONSOLE_DIST, 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(CONSOLE_ROOT, p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  const vite = path.join(
    path.dirname(createRequire(path.join(CONSOLE_ROOT, 'package.json')).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  // A child process: the build must not inherit this test process's NODE_ENV=test (React's development build).
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: CONSOLE_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
