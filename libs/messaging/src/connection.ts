import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '@app/logging';

/**
 * Connects once (failing fast with the URL when the server is not there at start) and then reconnects
 * forever: a NATS restart in production must not take a service down with it.
 */
export async function connectNats(url: string, name: string, log: Logger): Promise<NatsConnection> {
  const nc = await connect({
    servers: url,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    timeout: 5_000,
    // A request (every JetStream publish) would otherwise build an Error for its stack up front: a measurable
    // share of the gateway's and the sender's CPU per message. Failed requests still say what failed.
    noAsyncTraces: true,
  });
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') log.warn({ nats: status.type }, 'nats connection changed');
      else if (status.type === 'error') log.error({ err: status.error }, 'nats error');
    }
  })();
  return nc;
}

/** Readiness: a round trip to the server, bounded in time. */
export async function pingNats(nc: NatsConnection, timeoutMs = 2_000): Promise<void> {
  if (nc.isClosed()) throw new Error('nats connection closed');
  await Promise.race([
    nc.flush(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('nats ping timed out')), timeoutMs).unref()),
  ]);
}
