import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSupervisorEvent, spawnNode, superviseProcesses, type Supervisor, type SupervisorEvent } from '../src/index';

// Tiny real services: each prints "ready" once its SIGTERM handler is in place.
const STEADY = `process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000); console.log('ready');`;
const IGNORES_SIGTERM = `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('ready');`;
const FAILS_ON_SIGTERM = `process.on('SIGTERM', () => process.exit(2)); setInterval(() => {}, 1000); console.log('ready');`;
const CRASHES_AT_ONCE = `process.exit(3);`;
/** Crashes on its first two starts (counted in the file $COUNTER), then runs like STEADY. */
const CRASHES_TWICE = `
  const fs = require('node:fs');
  const starts = fs.existsSync(process.env.COUNTER) ? Number(fs.readFileSync(process.env.COUNTER, 'utf8')) : 0;
  fs.writeFileSync(process.env.COUNTER, String(starts + 1));
  if (starts < 2) process.exit(1);
  ${STEADY}`;

const ready = new Set<number>();

function service(name: string, script: string, env: Record<string, string> = {}) {
  return {
    name,
    start: () => {
      const child = spawnNode({ cwd: os.tmpdir(), name, args: ['-e', script], env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' });
      child.child.stdout?.on('data', (chunk) => {
        if (String(chunk).includes('ready') && child.child.pid) ready.add(child.child.pid);
      });
      child.child.stderr?.resume();
      return child;
    },
  };
}

let supervisor: Supervisor | undefined;
let events: SupervisorEvent[] = [];
const lines = () => events.map(describeSupervisorEvent);
const supervise = (options: Omit<Parameters<typeof superviseProcesses>[0], 'onEvent'>) => {
  events = [];
  supervisor = superviseProcesses({ ...options, onEvent: (event) => events.push(event) });
  return supervisor;
};
/** The pid of the service's process once it is running and has said it is ready. */
const readyPid = async (s: Supervisor, name: string) => {
  await expect
    .poll(() => s.current(name)?.child.pid !== undefined && ready.has(s.current(name)!.child.pid!), { timeout: 10_000 })
    .toBe(true);
  return s.current(name)!.child.pid!;
};

afterEach(async () => {
  // A failed test must not leave processes behind.
  await supervisor?.stop();
  supervisor = undefined;
});

describe('superviseProcesses', () => {
  it('restarts a service killed with SIGKILL, says so, and leaves the others running', async () => {
    const s = supervise({ services: [service('gateway', STEADY), service('engine', STEADY)], initialBackoffMs: 20 });
    const gateway = await readyPid(s, 'gateway');
    const engine = await readyPid(s, 'engine');

    process.kill(gateway, 'SIGKILL');
    await expect.poll(() => events.some((e) => e.type === 'restarted'), { timeout: 10_000 }).toBe(true);
    const restarted = await readyPid(s, 'gateway');

    expect(restarted).not.toBe(gateway);
    expect(s.current('engine')?.child.pid).toBe(engine);
    expect(lines()[0]).toMatch(
      /^gateway died unexpectedly \(killed by SIGKILL\) after .+; restarting it in 20 ms \(restart 1 of at most 10 in a row\)$/,
    );
    expect(lines()[1]).toBe(`gateway restarted (pid ${restarted})`);

    const result = await s.stop();
    expect(result.ok).toBe(true);
    expect(result.services.map((r) => [r.name, r.exit?.code, r.clean])).toEqual([
      ['gateway', 0, true],
      ['engine', 0, true],
    ]);
    // Stop lines come in the order the processes exited.
    expect(lines().slice(2).sort()).toEqual(['engine stopped: exit code 0 (clean)', 'gateway stopped: exit code 0 (clean)']);
  }, 30_000);

  it('doubles the backoff up to its ceiling, gives up after the limit of rapid restarts, and stops everything with a failed result', async () => {
    const s = supervise({
      services: [service('crasher', CRASHES_AT_ONCE), service('steady', STEADY)],
      initialBackoffMs: 10,
      maxBackoffMs: 40,
      maxRapidRestarts: 4,
    });
    await readyPid(s, 'steady');

    const result = await s.done;

    const crashes = events.filter((e) => e.type === 'crashed');
    expect(crashes.map((e) => [e.name, e.exit.code, e.restartInMs])).toEqual([
      ['crasher', 3, 10],
      ['crasher', 3, 20],
      ['crasher', 3, 40],
      ['crasher', 3, 40],
    ]);
    expect(lines()).toContain(
      'crasher died 5 times in a row, each within 60 s of its start (last: exit code 3); giving up on it and stopping everything',
    );
    expect(result).toMatchObject({ ok: false, gaveUpOn: 'crasher' });
    expect(result.services.map((r) => [r.name, r.clean])).toEqual([
      ['crasher', false],
      ['steady', true],
    ]);
    expect(lines()).toContain('crasher was not running (last: exit code 3, not clean)');
    expect(s.current('steady')).toBeUndefined();
  }, 30_000);

  it('starts the backoff over once a service stayed up long enough', async () => {
    const counter = path.join(mkdtempSync(path.join(os.tmpdir(), 'supervisor-')), 'starts');
    const s = supervise({ services: [service('flaky', CRASHES_TWICE, { COUNTER: counter })], initialBackoffMs: 10, stableAfterMs: 500 });
    const pid = await readyPid(s, 'flaky');
    expect(events.filter((e) => e.type === 'crashed').map((e) => e.restartInMs)).toEqual([10, 20]);

    const upSince = Date.now();
    await expect.poll(() => Date.now() - upSince > 600, { timeout: 5_000 }).toBe(true);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => events.filter((e) => e.type === 'crashed').length, { timeout: 10_000 }).toBe(3);

    expect(events.filter((e) => e.type === 'crashed').at(-1)).toMatchObject({ restartInMs: 10, restart: 1 });
  }, 30_000);

  it('reports each exit on stop and fails when a child had to be SIGKILLed or exited non-zero', async () => {
    const s = supervise({
      services: [service('good', STEADY), service('stubborn', IGNORES_SIGTERM), service('sloppy', FAILS_ON_SIGTERM)],
      graceMs: 300,
    });
    for (const name of ['good', 'stubborn', 'sloppy']) await readyPid(s, name);

    const result = await s.stop();

    expect(result.ok).toBe(false);
    expect(result.services).toEqual([
      { name: 'good', exit: { code: 0, signal: null, forced: false }, clean: true },
      { name: 'stubborn', exit: { code: null, signal: 'SIGKILL', forced: true }, clean: false },
      { name: 'sloppy', exit: { code: 2, signal: null, forced: false }, clean: false },
    ]);
    expect(lines().sort()).toEqual([
      'good stopped: exit code 0 (clean)',
      'sloppy stopped: exit code 2 (not clean)',
      'stubborn stopped: killed by SIGKILL after ignoring SIGTERM for 300 ms (not clean)',
    ]);
    expect(events.some((e) => e.type === 'crashed' || e.type === 'restarted')).toBe(false);
  }, 30_000);

  it('never restarts a service once stopping, even one waiting for its restart', async () => {
    const s = supervise({ services: [service('crasher', CRASHES_AT_ONCE), service('steady', STEADY)], initialBackoffMs: 60_000 });
    await readyPid(s, 'steady');
    await expect.poll(() => events.some((e) => e.type === 'crashed'), { timeout: 10_000 }).toBe(true);

    const result = await s.stop();

    expect(result.ok).toBe(false);
    expect(result.services.map((r) => [r.name, r.exit?.code, r.clean])).toEqual([
      ['crasher', 3, false],
      ['steady', 0, true],
    ]);
    expect(s.current('crasher')).toBeUndefined();
    expect(events.some((e) => e.type === 'restarted')).toBe(false);
  }, 30_000);
});
