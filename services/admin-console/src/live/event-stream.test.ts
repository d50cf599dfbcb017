import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff';
import { connectLiveStream, type EventSourceLike, type LiveStatus } from './event-stream';
import type { LiveEvent } from '../api/types';

class FakeSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  listeners = new Map<string, (event: MessageEvent<string>) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

function harness(tickets: (() => Promise<string>)[] = []) {
  const sources: FakeSource[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const events: LiveEvent[] = [];
  const opens: boolean[] = [];
  const statuses: LiveStatus[] = [];
  let issued = 0;
  const stream = connectLiveStream({
    ticket: () => (tickets.shift() ?? (() => Promise.resolve(`t${++issued}`)))(),
    open: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    onEvent: (event) => events.push(event),
    onOpen: (reconnected) => opens.push(reconnected),
    onStatus: (status) => statuses.push(status),
    delay: (attempt) => 100 * 2 ** attempt,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
  });
  /** The ticket is fetched asynchronously: wait until the n-th source was opened, or the n-th retry timer set. */
  const opened = (n: number) => vi.waitFor(() => expect(sources).toHaveLength(n));
  const retrying = (n: number) => vi.waitFor(() => expect(timers).toHaveLength(n));
  return { stream, sources, timers, events, opens, statuses, opened, retrying };
}

describe('the live event stream', () => {
  it('opens with a ticket and delivers the named events with their data', async () => {
    const h = harness();
    await h.opened(1);
    expect(h.sources[0]?.url).toBe('/api/admin/events?ticket=t1');
    h.sources[0]?.onopen?.(new Event('open'));
    const conversation = {
      phone_number: '111111',
      user_id: null,
      username: null,
      student_name: 'Ada',
      state: 'support',
      is_chat_support: true,
      support_status: 'waiting',
      assigned_to: null,
      last_message: 'hi',
      last_message_time: null,
      unread_count: 1,
      service_window_expires_at: null,
    };
    h.sources[0]?.emit('conversation.updated', { phone_number: '111111', user_id: null, conversation, occurredAt: '2026-01-01T00:00:00Z' });
    expect(h.events).toEqual([
      { name: 'conversation.updated', data: { phone_number: '111111', user_id: null, conversation, occurredAt: '2026-01-01T00:00:00Z' } },
    ]);
    expect(h.opens).toEqual([false]);
  });

  it('delivers the events of a student known only by user id, and drops an event that names no student', async () => {
    const h = harness();
    await h.opened(1);
    const conversation = {
      phone_number: null,
      user_id: 'NG.1349120865',
      username: 'thandi.m',
      student_name: null,
      state: 'menu',
      is_chat_support: false,
      support_status: 'none',
      assigned_to: null,
      last_message: 'hi',
      last_message_time: null,
      unread_count: 1,
      service_window_expires_at: null,
    };
    h.sources[0]?.emit('conversation.updated', {
      phone_number: null,
      user_id: 'NG.1349120865',
      conversation,
      occurredAt: '2026-01-01T00:00:00Z',
    });
    h.sources[0]?.emit('conversation.updated', { phone_number: null, user_id: null, conversation, occurredAt: '2026-01-01T00:00:01Z' });
    h.sources[0]?.emit('conversation.updated', {
      phone_number: null,
      user_id: 'NG.1',
      conversation: { ...conversation, user_id: null },
      occurredAt: '2026-01-01T00:00:02Z',
    });
    expect(h.events).toEqual([
      {
        name: 'conversation.updated',
        data: { phone_number: null, user_id: 'NG.1349120865', conversation, occurredAt: '2026-01-01T00:00:00Z' },
      },
      // A conversation view naming no student is dropped; the event itself still names one.
      { name: 'conversation.updated', data: { phone_number: null, user_id: 'NG.1', occurredAt: '2026-01-01T00:00:02Z' } },
    ]);
  });

  it('drops a view that does not have the contract shape', async () => {
    const h = harness();
    await h.opened(1);
    h.sources[0]?.emit('message.created', { phone_number: '111111', message: { id: 1 } });
    expect(h.events[0]?.data.message).toBeUndefined();
  });

  it('reconnects after an error with a fresh ticket and growing delays, and asks for a catch-up', async () => {
    const h = harness();
    await h.opened(1);
    h.sources[0]?.onopen?.(new Event('open'));
    h.sources[0]?.onerror?.(new Event('error'));
    expect(h.sources[0]?.closed).toBe(true);
    expect(h.timers.map((t) => t.ms)).toEqual([100]);
    h.timers[0]?.run();
    await h.opened(2);
    expect(h.sources[1]?.url).toBe('/api/admin/events?ticket=t2');
    h.sources[1]?.onerror?.(new Event('error'));
    expect(h.timers.map((t) => t.ms)).toEqual([100, 200]);
    h.timers[1]?.run();
    await h.opened(3);
    h.sources[2]?.onopen?.(new Event('open'));
    expect(h.opens).toEqual([false, true]);
    expect(h.statuses).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting', 'open']);
    // A successful open resets the backoff.
    h.sources[2]?.onerror?.(new Event('error'));
    expect(h.timers.at(-1)?.ms).toBe(100);
  });

  it('retries when no ticket can be had', async () => {
    const h = harness([() => Promise.reject(new Error('down'))]);
    await h.retrying(1);
    expect(h.sources).toHaveLength(0);
    h.timers[0]?.run();
    await h.opened(1);
  });

  it('stops for good when closed', async () => {
    const h = harness();
    await h.opened(1);
    h.stream.close();
    expect(h.sources[0]?.closed).toBe(true);
    h.sources[0]?.onerror?.(new Event('error'));
    expect(h.timers).toHaveLength(0);
  });
});

describe('backoff', () => {
  it('grows exponentially to a cap, with jitter in the upper half', () => {
    expect(backoffDelay(0, { baseMs: 500, maxMs: 30_000 }, () => 0)).toBe(250);
    expect(backoffDelay(0, { baseMs: 500, maxMs: 30_000 }, () => 1)).toBe(500);
    expect(backoffDelay(3, { baseMs: 500, maxMs: 30_000 }, () => 1)).toBe(4_000);
    expect(backoffDelay(50, { baseMs: 500, maxMs: 30_000 }, () => 1)).toBe(30_000);
  });
});
