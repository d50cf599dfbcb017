import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SERVICE_NAMES = ['webhook-gateway', 'conversation-engine', 'whatsapp-sender', 'admin-api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
  kill(): Promise<number | string>;
}

/** Runs a service's TypeScript entry point with tsx (dev and tests; images run the same entry). */
export function spawnService(opts: {
  root: string;
  entry: string;
  name: string;
  env: Record<string, string | undefined>;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}): ServiceProcess {
  const require = createRequire(path.join(opts.root, 'package.json'));
  const tsxLoader = require.resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(opts.root, opts.entry)], {
    cwd: opts.root,
    env: { ...opts.env },
    stdio: ['ignore', opts.stdio ?? 'inherit', opts.stdio ?? 'inherit'],
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const signalAndWait = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  return {
    name: opts.name,
    child,
    exited,
    stop: (graceMs = 12_000) => signalAndWait('SIGTERM', graceMs),
    kill: () => signalAndWait('SIGKILL', 0),
  };
}

export function serviceEntry(name: ServiceName): string {
  return `services/${name}/src/main.ts`;
}
