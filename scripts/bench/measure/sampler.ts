// Measures one step: CPU of every group of processes (each service's replicas, the fake, the generator,
// Postgres, NATS, Redis, the whole machine) between start() and stop(), and the highest RSS of each group's
// processes, sampled every 250 ms.
import { cpuDelta, machineCpuMs, pidsByName, rssMb, snapshot, type CpuSnapshot } from './proc-stats';

export type Groups = Record<string, () => number[]>;

export const INFRA_GROUPS: Groups = {
  postgres: () => pidsByName(['postgres']),
  nats: () => pidsByName(['nats-server']),
  redis: () => pidsByName(['redis-server']),
};

export interface StepUsage {
  wallMs: number;
  cpuMs: Record<string, number>;
  machineBusyMs: number;
  /** Highest RSS of one process of the group (MB). */
  maxRssMb: Record<string, number>;
}

export function startSampling(groups: Groups, rssGroups: string[]) {
  const startedAt = performance.now();
  const machineBefore = machineCpuMs();
  const before = new Map<string, CpuSnapshot>(Object.entries(groups).map(([name, pids]) => [name, snapshot(pids())]));
  const maxRss: Record<string, number> = Object.fromEntries(rssGroups.map((g) => [g, 0]));
  const sampleRss = () => {
    for (const group of rssGroups) {
      for (const pid of groups[group]?.() ?? []) maxRss[group] = Math.max(maxRss[group] ?? 0, rssMb(pid) ?? 0);
    }
  };
  sampleRss();
  const timer = setInterval(sampleRss, 250);
  return {
    stop(): StepUsage {
      clearInterval(timer);
      sampleRss();
      const machineAfter = machineCpuMs();
      const cpuMs: Record<string, number> = {};
      for (const [name, pids] of Object.entries(groups)) cpuMs[name] = cpuDelta(before.get(name) ?? new Map(), snapshot(pids()));
      return { wallMs: performance.now() - startedAt, cpuMs, machineBusyMs: machineAfter.busy - machineBefore.busy, maxRssMb: maxRss };
    },
  };
}
