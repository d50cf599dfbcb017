import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@app/logging';
import { closeRedis, createLifecycle, STOP_BUDGET_MS } from './lifecycle';

const log = createLogger({ service: 'test', level: 'silent' });

afterEach(() => {
  vi.useRealTimers();
});

describe('createLifecycle', () => {
  it('closes in reverse order of registration, every step even after one failed, and reports the failure', async () => {
    const lifecycle = createLifecycle(log);
    const closed: string[] = [];
    lifecycle.onClose('postgres', () => closed.push('postgres'));
    lifecycle.onClose('nats', () => {
      closed.push('nats');
      throw new Error('drain failed');
    });
    lifecycle.onClose('http', async () => closed.push('http'));

    expect(await lifecycle.stop()).toBe(false);
    expect(closed).toEqual(['http', 'nats', 'postgres']);
  });

  it('on a failed boot closes exactly what had opened, then rethrows the boot error', async () => {
    const lifecycle = createLifecycle(log);
    const closed: string[] = [];
    const boot = lifecycle.boot(async () => {
      lifecycle.onClose('redis', () => closed.push('redis'));
      lifecycle.onClose('nats', () => closed.push('nats'));
      throw new Error('listen EADDRINUSE');
    });

    await expect(boot).rejects.toThrow('listen EADDRINUSE');
    expect(closed).toEqual(['nats', 'redis']);
    expect(lifecycle.isShuttingDown()).toBe(true);
    // runService closes again after logging; nothing runs twice.
    expect(await lifecycle.close()).toBe(true);
    expect(closed).toEqual(['nats', 'redis']);
  });

  it('drains first: readiness is down and the drain hooks ran, while nothing is closed until the drain ends', async () => {
    vi.useFakeTimers();
    const lifecycle = createLifecycle(log);
    const events: string[] = [];
    lifecycle.setDrainMs(1_500);
    lifecycle.onDrain(() => events.push('drain begun'));
    lifecycle.onClose('http', () => events.push('http closed'));

    const stopped = lifecycle.stop();
    expect(lifecycle.isShuttingDown()).toBe(true);
    expect(events).toEqual(['drain begun']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events).toEqual(['drain begun']);
    await vi.advanceTimersByTimeAsync(500);
    expect(await stopped).toBe(true);
    expect(events).toEqual(['drain begun', 'http closed']);
  });

  it('answers a second stop with the first one, closing each step once', async () => {
    const lifecycle = createLifecycle(log);
    const close = vi.fn();
    lifecycle.onClose('http', close);
    const [first, second] = await Promise.all([lifecycle.stop(), lifecycle.stop()]);
    expect([first, second]).toEqual([true, true]);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('closes at once a resource that opened after the close began (a signal during boot)', async () => {
    const lifecycle = createLifecycle(log);
    await lifecycle.stop();
    const close = vi.fn();
    lifecycle.onClose('late redis', close);
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1), { timeout: 1_000 });
  });

  it('gives up on a step that never ends when the stop budget, less the drain, is spent', async () => {
    vi.useFakeTimers();
    const lifecycle = createLifecycle(log);
    lifecycle.setDrainMs(2_000);
    lifecycle.onClose('stuck', () => new Promise(() => undefined));
    let outcome: boolean | undefined;
    void lifecycle.stop().then((clean) => (outcome = clean));
    await vi.advanceTimersByTimeAsync(STOP_BUDGET_MS - 1);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBe(false);
  });

  it('keeps the drain inside the stop budget whatever it is set to', async () => {
    vi.useFakeTimers();
    const lifecycle = createLifecycle(log);
    lifecycle.setDrainMs(60_000);
    let outcome: boolean | undefined;
    void lifecycle.stop().then((clean) => (outcome = clean));
    await vi.advanceTimersByTimeAsync(STOP_BUDGET_MS);
    expect(outcome).toBe(true);
  });
});

describe('closeRedis', () => {
  it('quits a connected client and only drops the socket of one that is not (quit would wait for ever)', async () => {
    const ready = { status: 'ready', quit: vi.fn(async () => 'OK'), disconnect: vi.fn() };
    const down = { status: 'reconnecting', quit: vi.fn(() => new Promise(() => undefined)), disconnect: vi.fn() };
    await closeRedis(ready);
    await closeRedis(down);
    expect([ready.quit.mock.calls.length, ready.disconnect.mock.calls.length]).toEqual([1, 0]);
    expect([down.quit.mock.calls.length, down.disconnect.mock.calls.length]).toEqual([0, 1]);
  });
});
