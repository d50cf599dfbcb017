import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { Logger } from '@app/logging';

/** What a handler decided for one message. */
export type Disposition =
  | { kind: 'ack' }
  /** Transient failure: redeliver after the delay. */
  | { kind: 'retry'; delayMs: number; reason: string }
  /** Permanent: never deliver again (invalid payload). */
  | { kind: 'term'; reason: string };

export type MessageHandler = (msg: JsMsg) => Promise<Disposition>;

export interface PullLoop {
  /** Stops pulling, waits for the message in hand to be handled and settled. */
  stop(): Promise<void>;
}

/**
 * Handles a durable pull consumer's messages one at a time, in order, settling each one only after the
 * handler returned (for the engine: after its transaction committed). A handler that throws is treated as
 * a transient failure, so a bug or an outage never acks a message that was not processed.
 */
export function startPullLoop(opts: {
  js: JetStreamClient;
  stream: string;
  durable: string;
  handler: MessageHandler;
  log: Logger;
  /** Called when the message is settled, whatever the disposition (tests, metrics). */
  onSettled?: (msg: JsMsg, disposition: Disposition) => void;
  /** Called each time the handler asks for a retry (or throws) and the message is held for another try. */
  onRetry?: (msg: JsMsg, disposition: Extract<Disposition, { kind: 'retry' }>) => void;
}): PullLoop {
  const { js, stream, durable, handler, log } = opts;
  let stopped = false;
  let messages: { stop(): void; close(): Promise<void | Error> } | undefined;

  // A transient failure is retried here, holding the message (and so the partition) rather than nak-ing it:
  // a nak would let JetStream deliver the next message of the same student first.
  const settle = async (msg: JsMsg): Promise<Disposition> => {
    for (;;) {
      let disposition: Disposition;
      try {
        disposition = await handler(msg);
      } catch (error) {
        log.error({ err: error, stream, durable, seq: msg.seq }, 'handler failed; retrying');
        disposition = { kind: 'retry', delayMs: 1_000, reason: 'handler_error' };
      }
      if (disposition.kind === 'ack') {
        msg.ack();
        return disposition;
      }
      if (disposition.kind === 'term') {
        log.warn({ stream, durable, seq: msg.seq, reason: disposition.reason }, 'message terminated');
        msg.term(disposition.reason);
        return disposition;
      }
      if (stopped) {
        msg.nak();
        return disposition;
      }
      opts.onRetry?.(msg, disposition);
      msg.working();
      await new Promise((resolve) => setTimeout(resolve, disposition.delayMs));
    }
  };

  const run = async () => {
    while (!stopped) {
      try {
        const consumer = await js.consumers.get(stream, durable);
        const iterator = await consumer.consume({ max_messages: 1, expires: 5_000 });
        messages = iterator;
        for await (const msg of iterator) {
          const disposition = await settle(msg);
          opts.onSettled?.(msg, disposition);
          if (stopped) break;
        }
      } catch (error) {
        if (stopped) break;
        log.warn({ err: error, stream, durable }, 'consumer loop interrupted; restarting');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
  const done = run();
  return {
    async stop() {
      stopped = true;
      messages?.stop();
      await done;
    },
  };
}
