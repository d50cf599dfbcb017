import { pollUntil } from './poll';

export interface SseFrame {
  event: string | undefined;
  data: string | undefined;
  retry: string | undefined;
  comments: string[];
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** The JSON answer when the server refused the stream. */
  error: unknown;
  /** Every frame received so far. */
  frames: SseFrame[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Waits (at most `timeoutMs`) for a frame that matches. */
  waitFor(match: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  close(): void;
}

function parseFrame(block: string): SseFrame {
  const frame: SseFrame = { event: undefined, data: undefined, retry: undefined, comments: [] };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('data: ')) frame.data = frame.data === undefined ? line.slice(6) : `${frame.data}\n${line.slice(6)}`;
    else if (line.startsWith('retry: ')) frame.retry = line.slice(7);
  }
  return frame;
}

/** A Server-Sent Events reader on fetch (Node 20 has no EventSource), closer to the wire than a polyfill. */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const frames: SseFrame[] = [];
  const refused = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  const error: unknown = refused ? await res.json() : undefined;
  const ended = (async () => {
    if (!res.body || refused) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close(): the stream ended from our side.
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    error,
    frames,
    ended,
    waitFor: (match, timeoutMs = 1_000) => pollUntil(() => frames.find(match), { timeoutMs, intervalMs: 10, message: 'an SSE frame' }),
    close: () => abort.abort(),
  };
}
