import {
  mediaDownloadedV1,
  mediaDownloadFailedV1,
  outboundReadResultV1,
  outboundSendResultV1,
  outboundSendRetryingV1,
  type MediaDownloadedV1,
  type MediaDownloadFailedV1,
  type OutboundReadResultV1,
  type OutboundSendResultV1,
  type OutboundSendRetryingV1,
  type Topology,
} from '@app/contracts';
import { jetStreamClient, manager, type NatsConnection } from '@app/messaging';
import { pollUntil } from '@app/testing';

export interface DeliveryReader {
  sendResults(): OutboundSendResultV1[];
  sendRetrying(): OutboundSendRetryingV1[];
  /** Every event id read, in stream order. */
  order(): string[];
  readResults(): OutboundReadResultV1[];
  mediaDownloaded(): MediaDownloadedV1[];
  mediaFailed(): MediaDownloadFailedV1[];
  /** Polls `find` (starting the reader if needed) until it answers something. */
  waitFor<T>(find: () => T | undefined, message: string, timeoutMs?: number): Promise<T>;
  storedCount(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Everything the sender published to this test's DELIVERY stream, parsed with the contract's schemas, read
 * by an ordered consumer from the stream's first message. Started lazily: the sender creates the stream.
 */
export function startDeliveryReader(connection: () => Promise<NatsConnection>, names: Topology): DeliveryReader {
  const send: OutboundSendResultV1[] = [];
  const retrying: OutboundSendRetryingV1[] = [];
  const order: string[] = [];
  const read: OutboundReadResultV1[] = [];
  const downloaded: MediaDownloadedV1[] = [];
  const failed: MediaDownloadFailedV1[] = [];
  let reader: Promise<{ stop(): void }> | undefined;

  const start = async () => {
    const consumer = await jetStreamClient(await connection()).consumers.get(names.deliveryStream);
    const messages = await consumer.consume();
    void (async () => {
      for await (const msg of messages) {
        const value: unknown = msg.json();
        const stored = <E extends { id: string }>(list: E[], event: E) => {
          list.push(event);
          order.push(event.id);
        };
        if (msg.subject === names.sendResultSubject) stored(send, outboundSendResultV1.parse(value));
        else if (msg.subject === names.sendRetryingSubject) stored(retrying, outboundSendRetryingV1.parse(value));
        else if (msg.subject === names.readResultSubject) stored(read, outboundReadResultV1.parse(value));
        else if (msg.subject === names.mediaDownloadedSubject) stored(downloaded, mediaDownloadedV1.parse(value));
        else if (msg.subject === names.mediaDownloadFailedSubject) stored(failed, mediaDownloadFailedV1.parse(value));
      }
    })();
    return messages;
  };
  const ensureStarted = async () => {
    reader ??= start().catch((error: unknown) => {
      reader = undefined;
      throw error;
    });
    await reader;
  };

  return {
    sendResults: () => send,
    sendRetrying: () => retrying,
    order: () => order,
    readResults: () => read,
    mediaDownloaded: () => downloaded,
    mediaFailed: () => failed,
    waitFor: (find, message, timeoutMs = 15_000) =>
      pollUntil(
        async () => {
          await ensureStarted();
          return find();
        },
        { timeoutMs, message },
      ),
    async storedCount() {
      return (await (await manager(await connection())).streams.info(names.deliveryStream)).state.messages;
    },
    async stop() {
      (await reader?.catch(() => undefined))?.stop();
    },
  };
}
