// The bench's own processes: its child entry points bundled by esbuild (run on plain node like the services),
// the fake Cloud API and the load generator.
import { fork } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { freePort } from '@app/runtime';
import { startChild, tail, type Child } from './children';
import { API_VERSION, PHONE_NUMBER_ID } from './system';

const BENCH_ENTRIES = ['fake-cloud-api', 'generator', 'baseline/gateway', 'baseline/consumer', 'baseline/relay', 'baseline/worker'];

export async function bundleBench(root: string, buildDir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(BENCH_ENTRIES.map((e) => [e, path.join(root, 'scripts/bench', `${e}.ts`)])),
    outdir: path.join(buildDir, 'bench'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

export async function startFake(root: string, buildDir: string, logDir: string): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = startChild({
    name: 'fake-cloud-api',
    role: 'fake',
    args: [path.join(buildDir, 'bench', 'fake-cloud-api.mjs')],
    env: { PATH: process.env.PATH, FAKE_PORT: String(port), FAKE_PHONE_NUMBER_ID: PHONE_NUMBER_ID, FAKE_API_VERSION: API_VERSION },
    cwd: root,
    logDir,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!child.alive()) break;
    try {
      if ((await fetch(`${url}/__bench/log?from=0`, { signal: AbortSignal.timeout(1_000) })).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fake Cloud API did not start:\n${tail(child.logFile)}`);
}

export function startGenerator(root: string, buildDir: string, logDir: string) {
  mkdirSync(logDir, { recursive: true });
  const fd = openSync(path.join(logDir, 'generator.log'), 'a');
  const child = fork(path.join(buildDir, 'bench', 'generator.mjs'), [], {
    cwd: root,
    env: { PATH: process.env.PATH },
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  closeSync(fd);
  if (child.pid === undefined) throw new Error('could not start the generator');
  return {
    child,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
