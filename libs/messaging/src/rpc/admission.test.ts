import { describe, expect, it } from 'vitest';
import { createAdmission, type BusyReason } from './admission';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function harness(limits: Parameters<typeof createAdmission>[0]) {
  let clock = 0;
  const started: string[] = [];
  const turnedAway: [string, BusyReason][] = [];
  const gates = new Map<string, ReturnType<typeof gate>>();
  const admission = createAdmission<string>(
    limits,
    async (item) => {
      started.push(item);
      const g = gate();
      gates.set(item, g);
      await g.opened;
    },
    (item, why) => void turnedAway.push([item, why]),
    () => clock,
  );
  const finish = async (item: string) => {
    gates.get(item)?.open();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { admission, started, turnedAway, finish, advance: (ms: number) => (clock += ms) };
}

describe('createAdmission', () => {
  it('runs everything at once without a concurrency limit', () => {
    const h = harness({});
    for (const item of ['a', 'b', 'c', 'd', 'e']) h.admission.admit(item);
    expect(h.started).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('queues beyond the concurrency and starts the next in arrival order when one finishes', async () => {
    const h = harness({ concurrency: 1 });
    h.admission.admit('a');
    h.admission.admit('b');
    h.admission.admit('c');
    expect(h.started).toEqual(['a']);
    await h.finish('a');
    expect(h.started).toEqual(['a', 'b']);
    expect(h.admission.queued).toBe(1);
  });

  it('turns away what does not fit in the queue', () => {
    const h = harness({ concurrency: 1, maxQueued: 1 });
    for (const item of ['a', 'b', 'c']) h.admission.admit(item);
    expect(h.turnedAway).toEqual([['c', 'queue_full']]);
  });

  it('turns away a request that waited longer than maxQueueWaitMs instead of running it', async () => {
    const h = harness({ concurrency: 1, maxQueueWaitMs: 100 });
    h.admission.admit('a');
    h.admission.admit('b');
    h.advance(101);
    await h.finish('a');
    expect(h.turnedAway).toEqual([['b', 'waited_too_long']]);
    expect(h.started).toEqual(['a']);
  });

  it('is idle only once the queued work has run too', async () => {
    const h = harness({ concurrency: 1 });
    h.admission.admit('a');
    h.admission.admit('b');
    let idle = false;
    const waiting = h.admission.idle().then(() => (idle = true));
    await h.finish('a');
    expect(idle).toBe(false);
    await h.finish('b');
    await waiting;
    expect(idle).toBe(true);
  });
});
