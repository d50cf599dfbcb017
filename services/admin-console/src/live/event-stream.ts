import { parseLiveEventData } from '../api/guards';
import { LIVE_EVENT_NAMES, type LiveEvent } from '../api/types';
import { backoffDelay } from './backoff';

/** What the stream needs of EventSource (tests pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export interface LiveStreamOptions {
  /** A fresh single-use ticket (POST /api/admin/events/ticket). */
  ticket(): Promise<string>;
  open(url: string): EventSourceLike;
  onEvent(event: LiveEvent): void;
  /** Each time the stream opens; `reconnected` after a break, when what was missed must be re-read. */
  onOpen(reconnected: boolean): void;
  onStatus(status: LiveStatus): void;
  delay?: (attempt: number) => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * The admin-api event stream. EventSource reconnects by itself with the same URL, but a ticket is single-use,
 * so every error closes the source and a new one opens with a fresh ticket after an exponential backoff.
 * Events missed in between are not replayed by the server: onOpen(true) tells the caller to re-read.
 */
export function connectLiveStream(options: LiveStreamOptions): { close(): void } {
  const delay = options.delay ?? ((attempt: number) => backoffDelay(attempt));
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let closed = false;
  let attempt = 0;
  let hasOpened = false;
  let source: EventSourceLike | null = null;
  let timer: unknown = null;

  const retry = () => {
    if (closed) return;
    options.onStatus('reconnecting');
    timer = setTimer(() => void connect(), delay(attempt++));
  };

  const connect = async () => {
    timer = null;
    let ticket: string;
    try {
      ticket = await options.ticket();
    } catch {
      retry();
      return;
    }
    if (closed) return;
    const current = options.open(`/api/admin/events?ticket=${encodeURIComponent(ticket)}`);
    source = current;
    current.onopen = () => {
      attempt = 0;
      options.onStatus('open');
      options.onOpen(hasOpened);
      hasOpened = true;
    };
    current.onerror = () => {
      current.close();
      if (source === current) source = null;
      retry();
    };
    for (const name of LIVE_EVENT_NAMES) {
      current.addEventListener(name, (event) => {
        const data = parseLiveEventData(event.data);
        if (data && !closed) options.onEvent({ name, data });
      });
    }
  };

  options.onStatus('connecting');
  void connect();
  return {
    close() {
      closed = true;
      if (timer !== null) clearTimer(timer);
      source?.close();
      source = null;
    },
  };
}
