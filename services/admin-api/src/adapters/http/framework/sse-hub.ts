import type { EngineEvent } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { Response } from 'express';
import { AppError } from '../../../domain/errors';

export interface EventStreams {
  /** Turns `res` into an event stream for `userId` until the client leaves or the hub closes. */
  open(res: Response, client: { userId: string; log: Logger }): void;
}

export interface SseHub extends EventStreams {
  broadcast(event: EngineEvent): void;
  /** Ends every stream and refuses new ones: the server can then close without waiting for clients. */
  close(): void;
  size(): number;
  /** The users with a stream open here now (presence, reported to the engine for assignment). */
  connectedUserIds(): string[];
}

export interface SseHubOptions {
  heartbeatMs: number;
  /** The reconnection delay suggested to EventSource (`retry:`). */
  retryMs: number;
  /** Re-checked every heartbeat, so a disabled account's open streams end within one heartbeat. */
  isAllowed(userIds: string[]): Promise<Set<string>>;
  log: Logger;
}

/** Beyond this many unsent bytes the client is not keeping up: it is cut off and catches up through REST. */
const MAX_BUFFERED_BYTES = 1 << 20;

interface Client {
  res: Response;
  userId: string;
  log: Logger;
}

const frame = (event: EngineEvent) => {
  const { event: name, ...data } = event;
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
};

/**
 * This replica's SSE clients. Events are notifications, not the record (engine-events.ts), so the hub keeps
 * no backlog and sends no ids: a console that reconnects re-reads what it shows through the REST API.
 * Comments (`: ...`) every heartbeat keep proxies from closing idle streams and reveal dead sockets.
 */
export function createSseHub({ heartbeatMs, retryMs, isAllowed, log }: SseHubOptions): SseHub {
  const clients = new Set<Client>();
  let closed = false;

  const end = (client: Client, reason: string) => {
    if (!clients.delete(client)) return;
    client.log.debug({ reason }, 'event stream closed');
    client.res.end();
  };
  const write = (client: Client, text: string) => {
    if (client.res.writableLength > MAX_BUFFERED_BYTES) {
      client.log.warn({ bufferedBytes: client.res.writableLength }, 'event stream client too slow; disconnecting');
      end(client, 'slow');
      return;
    }
    client.res.write(text);
  };

  const heartbeat = setInterval(() => {
    for (const client of clients) write(client, ': heartbeat\n\n');
    const userIds = [...new Set([...clients].map((c) => c.userId))];
    if (userIds.length === 0) return;
    isAllowed(userIds).then(
      (allowed) => {
        for (const client of clients) if (!allowed.has(client.userId)) end(client, 'user_disabled');
      },
      (error: unknown) => log.warn({ err: error }, 'event stream user check failed'),
    );
  }, heartbeatMs);
  heartbeat.unref();

  return {
    open(res, { userId, log: clientLog }) {
      if (closed) throw new AppError('shutting_down', 'this server is shutting down');
      const client: Client = { res, userId, log: clientLog };
      res.status(200);
      res.setHeader('content-type', 'text/event-stream; charset=utf-8');
      // nginx-style ingresses buffer responses unless told not to, which would hold events back.
      res.setHeader('x-accel-buffering', 'no');
      res.flushHeaders();
      res.write(`retry: ${retryMs}\n: connected\n\n`);
      clients.add(client);
      res.once('close', () => end(client, 'client_left'));
      clientLog.debug('event stream opened');
    },
    broadcast(event) {
      const text = frame(event);
      for (const client of clients) write(client, text);
    },
    close() {
      closed = true;
      clearInterval(heartbeat);
      for (const client of [...clients]) end(client, 'shutdown');
    },
    size: () => clients.size,
    connectedUserIds: () => [...new Set([...clients].map((c) => c.userId))],
  };
}
