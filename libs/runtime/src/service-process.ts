import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SERVICE_NAMES = ['webhook-gateway', 'conversation-engine', 'whatsapp-sender', 'admin-api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** How a process ended: its exit code, or the signal that ended it, and whether `stop` had to SIGKILL it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The grace ran out and the process was sent SIGKILL. */
  forced: boolean;
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** The same moment as `exited`, with code and signal apart. */
  exit: Promise<ProcessExit>;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
  kill(): Promise<number | string>;
}

/** Any node process (`args` are node's: flags, then a script or `-e`), with `stop`/`kill` as for a service. */
export function spawnNode(opts: {
  cwd: string;
  name: string;
  args: string[];
  env: Record<string, string | undefined>;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}): ServiceProcess {
  const child = spawn(process.execPath, opts.args, {
    cwd: opts.cwd,
    env: { ...opts.env },
    stdio: ['ignore', opts.stdio ?? 'inherit', opts.stdio ?? 'inherit'],
  });
  let forced = false;
  const exit = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, forced }));
    // A process that could not be spawned at all never emits 'exit'.
    child.once('error', () => {
      if (child.pid === undefined) resolve({ code: 1, signal: null, forced });
    });
  });
  const exited = exit.then(({ code, signal }) => code ?? signal ?? 'unknown');
  const gone = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  const signalAndWait = async (signal: NodeJS.Signals, graceMs: number) => {
    if (gone()) return exited;
    child.kill(signal);
    const timer = setTimeout(() => {
      if (gone() || signal === 'SIGKILL') return;
      forced = true;
      child.kill('SIGKILL');
    }, graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  return {
    name: opts.name,
    child,
    exited,
    exit,
    stop: (graceMs = 12_000) => signalAndWait('SIGTERM', graceMs),
    kill: () => signalAndWait('SIGKILL', 0),
  };
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
  return spawnNode({
    cwd: opts.root,
    name: opts.name,
    args: ['--import', tsxLoader, path.join(opts.root, opts.entry)],
    env: opts.env,
    stdio: opts.stdio,
  });
}

export function serviceEntry(name: ServiceName): string {
  return `services/${name}/src/main.ts`;
}
