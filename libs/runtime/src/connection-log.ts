import type { Logger } from '@app/logging';

/** What ioredis (and other reconnecting clients) emit: 'error' on every failed attempt, 'ready' when back. */
export interface ReconnectingClient {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

/**
 * Logs a reconnecting client's transitions (lost, restored), not each of its retries: an outage is two
 * lines, not one per attempt. Also gives the client an 'error' listener, without which ioredis reports every
 * failed attempt as an unhandled error event.
 */
export function logConnectionTransitions(client: ReconnectingClient, dependency: string, log: Logger): void {
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) log.warn({ err: error, dependency }, 'connection lost; retrying');
    down = true;
  });
  client.on('ready', () => {
    if (down) log.info({ dependency }, 'connection restored');
    down = false;
  });
}
