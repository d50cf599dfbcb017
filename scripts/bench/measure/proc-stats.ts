// CPU and memory from /proc (Linux): utime+stime of a process, the machine's busy jiffies, VmRSS. Clock ticks
// are converted with USER_HZ = 100 (every Linux on x86/arm64 since 2.6), so figures have 10 ms resolution.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10;

/** utime + stime of one process in ms, or undefined once it is gone. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export function rssMb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Every pid whose command name (/proc/<pid>/comm) is one of `names`: all of Postgres's backends, say. */
export function pidsByName(names: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Busy and total ms of the whole machine (all cores summed) from /proc/stat's first line. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy * TICK_MS, total: (busy + idle + iowait) * TICK_MS };
}

export type CpuSnapshot = Map<number, number>;

export function snapshot(pids: number[]): CpuSnapshot {
  const map: CpuSnapshot = new Map();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) map.set(pid, ms);
  }
  return map;
}

/** CPU used between two snapshots by the processes present in both (a backend that came or went is left out). */
export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): number {
  let sum = 0;
  for (const [pid, end] of after) {
    const start = before.get(pid);
    if (start !== undefined) sum += end - start;
  }
  return sum;
}
