// The suite's own NATS, Redis and Postgres: spare ports, data directories under one temp dir, never the
// machine's shared servers. Each can be stopped (SIGTERM / pg_ctl stop -m fast) and started again with the
// same command and the same data, and everything is removed at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@app/runtime';

export type InfraName = 'nats' | 'redis' | 'postgres';

export interface OwnInfra {
  dir: string;
  urls: { databaseUrl: string; natsUrl: string; redisUrl: string };
  ports: Record<InfraName, number>;
  stop(name: InfraName): Promise<void>;
  start(name: InfraName): Promise<void>;
  /** Stops everything and removes the temp dir; safe to call twice. */
  destroy(): Promise<void>;
  /** Last resort on an abrupt exit: SIGKILL to the NATS and Redis processes this suite started (by pid). */
  killNow(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForPort(port: number, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms`);
}

function pgBin(tool: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no /usr/lib/postgresql/*/bin');
  return `/usr/lib/postgresql/${versions[0]}/bin/${tool}`;
}

/** Postgres refuses to run as root: its tools run as the `postgres` OS user when we are root. */
function asPostgres(args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...args] : args;
}

function run(args: string[], what: string, timeoutMs = 60_000): void {
  const result = spawnSync(args[0] as string, args.slice(1), { encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
}

export async function startOwnInfra(logDir: string): Promise<OwnInfra> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-'));
  chmodSync(dir, 0o755);
  const ports: Record<InfraName, number> = { nats: await freePort(), redis: await freePort(), postgres: await freePort() };
  const dirs = {
    nats: path.join(dir, 'nats'),
    redis: path.join(dir, 'redis'),
    postgres: path.join(dir, 'pgdata'),
    pgSocket: path.join(dir, 'pgsock'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  if (process.getuid?.() === 0) run(['chown', '-R', 'postgres:postgres', dirs.postgres, dirs.pgSocket], 'chown');
  chmodSync(dirs.postgres, 0o700);
  run(asPostgres([pgBin('initdb'), '-D', dirs.postgres, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']), 'initdb', 120_000);

  const procs: Partial<Record<'nats' | 'redis', ChildProcess>> = {};
  const spawnLogged = (name: 'nats' | 'redis', args: string[]) => {
    const fd = openSync(path.join(logDir, `${name}.log`), 'a');
    const child = spawn(args[0] as string, args.slice(1), { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    procs[name] = child;
  };
  const pgLog = path.join(dirs.pgSocket, 'postgres.log');
  const commands = {
    nats: ['/usr/sbin/nats-server', '-a', '127.0.0.1', '-p', String(ports.nats), '-js', '-sd', dirs.nats],
    redis: [
      'redis-server',
      '--bind',
      '127.0.0.1',
      '--port',
      String(ports.redis),
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--dir',
      dirs.redis,
    ],
  };
  const start = async (name: InfraName) => {
    if (name === 'postgres') {
      run(
        asPostgres([
          pgBin('pg_ctl'),
          '-D',
          dirs.postgres,
          '-l',
          pgLog,
          '-w',
          '-t',
          '60',
          '-o',
          `-p ${ports.postgres} -c listen_addresses=127.0.0.1 -k ${dirs.pgSocket} -c fsync=off -c max_connections=200`,
          'start',
        ]),
        'pg_ctl start',
        90_000,
      );
    } else {
      spawnLogged(name, commands[name]);
    }
    await waitForPort(ports[name], 30_000, name);
  };
  const stop = async (name: InfraName) => {
    if (name === 'postgres') {
      run(asPostgres([pgBin('pg_ctl'), '-D', dirs.postgres, '-m', 'fast', '-w', '-t', '60', 'stop']), 'pg_ctl stop', 90_000);
      return;
    }
    const child = procs[name];
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  let destroyed = false;
  const infra: OwnInfra = {
    dir,
    ports,
    urls: {
      databaseUrl: `postgres://postgres@127.0.0.1:${ports.postgres}/postgres`,
      natsUrl: `nats://127.0.0.1:${ports.nats}`,
      redisUrl: `redis://127.0.0.1:${ports.redis}`,
    },
    start,
    stop,
    killNow() {
      for (const child of Object.values(procs)) if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const name of ['nats', 'redis'] as const) await stop(name).catch(() => undefined);
      spawnSync(
        asPostgres([pgBin('pg_ctl'), '-D', dirs.postgres, '-m', 'immediate', '-w', '-t', '30', 'stop'])[0] as string,
        asPostgres([pgBin('pg_ctl'), '-D', dirs.postgres, '-m', 'immediate', '-w', '-t', '30', 'stop']).slice(1),
        { timeout: 40_000 },
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    for (const name of ['postgres', 'nats', 'redis'] as const) await start(name);
  } catch (error) {
    await infra.destroy();
    throw error;
  }
  return infra;
}
