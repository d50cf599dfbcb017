// Child processes of one bench run: each one's output goes to its own log file (nothing competes with the
// table on the terminal, and nothing is parsed on the hot path), and every child is stopped on exit or
// Ctrl-C: SIGTERM, then SIGKILL after a grace period.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Child {
  name: string;
  role: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  exited: Promise<number | string>;
  alive(): boolean;
  stop(graceMs?: number): Promise<number | string>;
}

const running = new Set<Child>();

export function startChild(opts: {
  name: string;
  role: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  logDir: string;
  ipc?: boolean;
}): Child {
  mkdirSync(opts.logDir, { recursive: true });
  const logFile = path.join(opts.logDir, `${opts.name}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, opts.args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: opts.ipc ? ['ignore', fd, fd, 'ipc'] : ['ignore', fd, fd],
  });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${opts.name}`);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const entry: Child = {
    name: opts.name,
    role: opts.role,
    child,
    pid: child.pid,
    logFile,
    exited,
    alive,
    async stop(graceMs = 10_000) {
      if (alive()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      running.delete(entry);
      return exited;
    },
  };
  running.add(entry);
  void exited.then(() => running.delete(entry));
  return entry;
}

/** Runs a node script to completion (migrations), bounded by a timeout. */
export async function runToEnd(opts: Parameters<typeof startChild>[0], timeoutMs: number): Promise<void> {
  const child = startChild(opts);
  const timer = setTimeout(() => void child.stop(2_000), timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${opts.name} failed (${code}); see ${child.logFile}:\n${tail(child.logFile)}`);
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function stopAll(graceMs = 10_000): Promise<void> {
  await Promise.all([...running].map((c) => c.stop(graceMs)));
}

/** Last resort when the bench itself exits abruptly: no child outlives it. */
export function killAllNow(): void {
  for (const c of running) if (c.alive()) c.child.kill('SIGKILL');
}
