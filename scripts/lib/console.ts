import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const consoleDir = path.resolve(import.meta.dirname, '../../services/admin-console');
export const consoleDist = path.join(consoleDir, 'dist');
export const consoleBuilt = () => existsSync(path.join(consoleDist, 'index.html'));

/** `vite build` of the admin console into services/admin-console/dist (static files admin-api serves). */
export function buildConsole(): void {
  const vite = path.join(path.dirname(createRequire(path.join(consoleDir, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: consoleDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** Builds the console when it is missing or older than its sources (for tests that drive it in a browser). */
export function ensureConsoleBuilt(): void {
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(consoleDir, p)).filter(existsSync);
  if (consoleBuilt() && statSync(path.join(consoleDist, 'index.html')).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  buildConsole();
}
