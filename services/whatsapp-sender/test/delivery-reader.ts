import {
  mediaDownloadedV1,
  mediaDownloadFailedV1,
  outboundReadResultV1,
  outboundSendResultV1,
  type MediaDownloadedV1,
  type MediaDownloadFailedV1,
  type OutboundReadResultV1,
  type OutboundSendResultV1,
  type SenderTopology,
} from '@app/contracts';
import { jetStreamClient, manager, type NatsConnection } from '@app/messaging';
import { pollUntil } from '@app/testing';

export interface DeliveryReader {
  sendResults(): OutboundSendResultV1[];
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
export function startDeliveryReader(connection: () => Promise<NatsConnection>, names: SenderTopology): DeliveryReader {
  const send: OutboundSendResultV1[] = [];
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
        if (msg.subject === names.sendResultSubject) send.push(outboundSendResultV1.parse(value));
        else if (msg.subject === names.readResultSubject) read.push(outboundReadResultV1.parse(value));
        else if (msg.subject === names.mediaDownloadedSubject) downloaded.push(mediaDownloadedV1.parse(value));
        else if (msg.subject === names.mediaDownloadFailedSubject) failed.push(mediaDownloadFailedV1.parse(value));
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
