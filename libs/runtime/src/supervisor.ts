import type { ProcessExit, ServiceProcess } from './service-process';

interface SupervisedService {
  name: string;
  /** Starts one process of the service (called again for each restart). */
  start: () => ServiceProcess;
}

export interface SupervisorOptions {
  services: SupervisedService[];
  /** Wait before the first restart; it doubles with each crash in a row, up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A process that stayed up this long had a good run: its next crash starts the backoff and the count over. */
  stableAfterMs?: number;
  /** Restarts in a row (each crash sooner than `stableAfterMs` after its start) before giving up on everything. */
  maxRapidRestarts?: number;
  /** On stop: SIGTERM, then SIGKILL after this long. */
  graceMs?: number;
  onEvent?: (event: SupervisorEvent) => void;
}

export type SupervisorEvent =
  | { type: 'crashed'; name: string; exit: ProcessExit; uptimeMs: number; restartInMs: number; restart: number; maxRestarts: number }
  | { type: 'restarted'; name: string; pid: number | undefined; restart: number }
  | { type: 'gave-up'; name: string; exit: ProcessExit; crashes: number; stableAfterMs: number }
  | { type: 'stopped'; name: string; exit: ProcessExit | undefined; wasRunning: boolean; clean: boolean; graceMs: number };

interface SupervisorResult {
  /** Every process stopped cleanly (exit code 0 on SIGTERM) and no service was given up on. */
  ok: boolean;
  gaveUpOn: string | undefined;
  services: { name: string; exit: ProcessExit | undefined; clean: boolean }[];
}

export interface Supervisor {
  /** The service's process now running, if any (none while a restart is pending). */
  current(name: string): ServiceProcess | undefined;
  readonly stopping: boolean;
  /** Stops every process (idempotent); no restart happens once this was called. */
  stop(): Promise<SupervisorResult>;
  /** Resolves once everything has stopped: after `stop()`, or after giving up on a service. */
  done: Promise<SupervisorResult>;
}

interface Slot {
  service: SupervisedService;
  process: ServiceProcess | undefined;
  startedAt: number;
  rapidCrashes: number;
  backoffMs: number;
  timer: NodeJS.Timeout | undefined;
  lastExit: ProcessExit | undefined;
}

/**
 * Runs services the way a production supervisor (Kubernetes, systemd) does: a process that dies while not
 * being stopped is restarted after a growing backoff, and the others keep running; a service that keeps
 * dying right after its start is given up on, and then everything stops with a failed result.
 */
export function superviseProcesses(options: SupervisorOptions): Supervisor {
  const initialBackoffMs = options.initialBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const maxRapidRestarts = options.maxRapidRestarts ?? 10;
  const graceMs = options.graceMs ?? 12_000;
  const emit = (event: SupervisorEvent) => options.onEvent?.(event);

  let stopping = false;
  let gaveUpOn: string | undefined;
  let stopped: Promise<SupervisorResult> | undefined;
  let resolveDone: (result: SupervisorResult) => void = () => undefined;
  const done = new Promise<SupervisorResult>((resolve) => (resolveDone = resolve));

  const launch = (slot: Slot) => {
    const child = slot.service.start();
    slot.process = child;
    slot.startedAt = Date.now();
    void child.exit.then((exit) => onExit(slot, child, exit));
    return child;
  };

  const onExit = (slot: Slot, child: ServiceProcess, exit: ProcessExit) => {
    if (slot.process !== child) return;
    slot.process = undefined;
    slot.lastExit = exit;
    if (stopping) return; // an exit we asked for: stop() reports it
    const uptimeMs = Date.now() - slot.startedAt;
    if (uptimeMs >= stableAfterMs) {
      slot.rapidCrashes = 0;
      slot.backoffMs = initialBackoffMs;
    }
    slot.rapidCrashes += 1;
    const name = slot.service.name;
    if (slot.rapidCrashes > maxRapidRestarts) {
      gaveUpOn = name;
      emit({ type: 'gave-up', name, exit, crashes: slot.rapidCrashes, stableAfterMs });
      void stop();
      return;
    }
    const restartInMs = slot.backoffMs;
    slot.backoffMs = Math.min(slot.backoffMs * 2, maxBackoffMs);
    emit({ type: 'crashed', name, exit, uptimeMs, restartInMs, restart: slot.rapidCrashes, maxRestarts: maxRapidRestarts });
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      if (stopping) return;
      const child = launch(slot);
      emit({ type: 'restarted', name, pid: child.child.pid, restart: slot.rapidCrashes });
    }, restartInMs);
  };

  const stopSlot = async (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const child = slot.process;
    const wasRunning = child !== undefined;
    let exit = slot.lastExit;
    if (child) {
      await child.stop(graceMs);
      exit = await child.exit;
    }
    const clean = exit !== undefined && exit.code === 0 && !exit.forced;
    emit({ type: 'stopped', name: slot.service.name, exit, wasRunning, clean, graceMs });
    return { name: slot.service.name, exit, clean };
  };

  const stop = () => {
    if (stopped) return stopped;
    stopping = true;
    stopped = Promise.all(slots.map(stopSlot)).then((services) => {
      const result = { ok: gaveUpOn === undefined && services.every((s) => s.clean), gaveUpOn, services };
      resolveDone(result);
      return result;
    });
    return stopped;
  };

  const slots: Slot[] = options.services.map((service) => ({
    service,
    process: undefined,
    startedAt: 0,
    rapidCrashes: 0,
    backoffMs: initialBackoffMs,
    timer: undefined,
    lastExit: undefined,
  }));
  for (const slot of slots) launch(slot);

  return {
    current: (name) => slots.find((s) => s.service.name === name)?.process,
    get stopping() {
      return stopping;
    },
    stop,
    done,
  };
}

const duration = (ms: number) => (ms >= 1_000 ? `${Number((ms / 1_000).toFixed(1))} s` : `${ms} ms`);

/** "exit code 1", "killed by SIGKILL". */
function describeExit(exit: ProcessExit | undefined): string {
  if (!exit) return 'never started';
  return exit.code !== null ? `exit code ${exit.code}` : `killed by ${exit.signal ?? 'an unknown signal'}`;
}

/** The line a person reads on the terminal for each event. */
export function describeSupervisorEvent(event: SupervisorEvent): string {
  switch (event.type) {
    case 'crashed':
      return `${event.name} died unexpectedly (${describeExit(event.exit)}) after ${duration(event.uptimeMs)}; restarting it in ${duration(event.restartInMs)} (restart ${event.restart} of at most ${event.maxRestarts} in a row)`;
    case 'restarted':
      return `${event.name} restarted (pid ${event.pid ?? 'unknown'})`;
    case 'gave-up':
      return `${event.name} died ${event.crashes} times in a row, each within ${duration(event.stableAfterMs)} of its start (last: ${describeExit(event.exit)}); giving up on it and stopping everything`;
    case 'stopped': {
      const verdict = event.clean ? 'clean' : 'not clean';
      if (!event.wasRunning) return `${event.name} was not running (last: ${describeExit(event.exit)}, ${verdict})`;
      const forced = event.exit?.forced ? ` after ignoring SIGTERM for ${duration(event.graceMs)}` : '';
      return `${event.name} stopped: ${describeExit(event.exit)}${forced} (${verdict})`;
    }
  }
}
