import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalescer';

const gate = () => {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('createCoalescer', () => {
  it('runs an item at once when idle, then everything that waited meanwhile in one run', async () => {
    const runs: number[][] = [];
    const first = gate();
    const coalescer = createCoalescer<number, number>({
      concurrency: 1,
      run: async (items) => {
        runs.push(items);
        if (runs.length === 1) await first.opened;
        return items.map((i) => i * 10);
      },
    });
    const a = coalescer.submit(1);
    const rest = [coalescer.submit(2), coalescer.submit(3), coalescer.submit(4)];
    first.open();
    expect(await a).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
  });

  it('gives an item submitted alone a run of its own, in its turn', async () => {
    const runs: string[][] = [];
    const first = gate();
    const coalescer = createCoalescer<string, string>({
      concurrency: 1,
      run: async (items) => {
        runs.push(items);
        if (runs.length === 1) await first.opened;
        return items;
      },
    });
    const all = [
      coalescer.submit('a'),
      coalescer.submit('b'),
      coalescer.submit('c', { alone: true }),
      coalescer.submit('d'),
      coalescer.submit('e'),
    ];
    first.open();
    await Promise.all(all);
    expect(runs).toEqual([['a'], ['b'], ['c'], ['d', 'e']]);
  });

  it('rejects every item of a run that failed, and goes on with the next', async () => {
    const coalescer = createCoalescer<number, number>({
      concurrency: 2,
      run: async (items) => {
        if (items.includes(13)) throw new Error('unlucky');
        return items;
      },
    });
    await expect(coalescer.submit(13)).rejects.toThrow('unlucky');
    expect(await coalescer.submit(14)).toBe(14);
  });
});
