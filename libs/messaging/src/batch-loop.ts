import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { Logger } from '@app/logging';

/** What a handler decided for one message. */
export type Disposition =
  | { kind: 'ack' }
  /** Transient failure: offered again, in order, after the delay; what follows it waits (a partition). */
  | { kind: 'retry'; delayMs: number; reason: string }
  /** Transient failure where order does not matter: the server delivers it again after the delay. */
  | { kind: 'redeliver'; delayMs: number; reason: string }
  /** Permanent: never deliver again (invalid payload). */
  | { kind: 'term'; reason: string };

/**
 * Handles a batch of messages in stream order and says what became of each, in the same order. A message
 * marked `retry` is offered again at the head of the next batch, with every message after it that was also
 * marked `retry`; a handler that keeps a stream's order marks everything after a failed message `retry` too.
 */
export type BatchHandler = (msgs: readonly JsMsg[]) => Promise<Disposition[]>;

export interface BatchLoop {
  /**
   * Stops pulling, waits for the batch in hand to be settled, and gives the messages still buffered back to
   * the server (nak), so that whoever consumes next gets them at once and in order.
   */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long one fetch waits for messages: also the longest a stop waits for the fetch in flight to end. */
const FETCH_EXPIRES_MS = 1_000;

/**
 * Consumes a durable pull consumer in batches: up to `maxBatch` messages are fetched ahead, and each round
 * hands the handler everything buffered (at most `maxBatch`), settling each message only after the
 * handler returned (for the engine: after its transaction committed). One batch at a time, so a consumer
 * whose messages must stay in order (a partition) keeps it. A handler that throws fails the whole batch,
 * which is offered again after a delay: a bug or an outage never acks a message that was not processed.
 *
 * With `max_ack_pending` = `maxBatch` on the consumer, the server never has more out than one batch.
 */
export function startBatchLoop(opts: {
  js: JetStreamClient;
  stream: string;
  durable: string;
  maxBatch: number;
  handler: BatchHandler;
  log: Logger;
  /** Waits until the server has what this connection sent (the naks of a stop). */
  flush?: () => Promise<void>;
  /** Called for each message settled, whatever the disposition (metrics). */
  onSettled?: (msg: JsMsg, disposition: Disposition) => void;
  /** Called each time a message is held, or given back, for another try. */
  onRetry?: (msg: JsMsg, disposition: Extract<Disposition, { kind: 'retry' | 'redeliver' }>) => void;
}): BatchLoop {
  const { js, stream, durable, handler, log, maxBatch } = opts;
  let stopped = false;
  let buffer: JsMsg[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  // Fetches fill our buffer; the processing loop drains it. The buffer is bounded by the consumer's
  // max_ack_pending (the server sends no more) and by maxBatch (no fetch asks for more). Each fetch is short
  // and runs to its end, even when stopping: a message the server sent is always in our hands, never lost in
  // transit, so stop() can give every unprocessed one back.
  const pump = async () => {
    while (!stopped) {
      try {
        const consumer = await js.consumers.get(stream, durable);
        while (!stopped) {
          const room = maxBatch - buffer.length;
          if (room <= 0) {
            await sleep(5);
            continue;
          }
          const messages = await consumer.fetch({ max_messages: room, expires: FETCH_EXPIRES_MS });
          for await (const msg of messages) {
            buffer.push(msg);
            notify();
          }
        }
      } catch (error) {
        if (stopped) break;
        log.warn({ err: error, stream, durable }, 'consumer interrupted; restarting');
        await sleep(1_000);
      }
    }
  };

  const settleAll = (msgs: readonly JsMsg[], dispositions: readonly Disposition[]): JsMsg[] => {
    const held: JsMsg[] = [];
    msgs.forEach((msg, i) => {
      const disposition = dispositions[i] ?? { kind: 'retry', delayMs: 1_000, reason: 'no disposition' };
      if (disposition.kind === 'ack') {
        msg.ack();
      } else if (disposition.kind === 'redeliver') {
        msg.nak(disposition.delayMs);
        opts.onRetry?.(msg, disposition);
        return;
      } else if (disposition.kind === 'term') {
        log.warn({ stream, durable, seq: msg.seq, reason: disposition.reason }, 'message terminated');
        msg.term(disposition.reason);
      } else {
        held.push(msg);
        opts.onRetry?.(msg, disposition);
        return;
      }
      opts.onSettled?.(msg, disposition);
    });
    return held;
  };

  const stopWaiters: (() => void)[] = [];
  const run = async () => {
    while (!stopped) {
      if (buffer.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const batch = buffer.slice(0, maxBatch);
      buffer = buffer.slice(batch.length);
      let dispositions: Disposition[];
      try {
        dispositions = await handler(batch);
      } catch (error) {
        log.error({ err: error, stream, durable, messages: batch.length }, 'batch handler failed; retrying');
        dispositions = batch.map(() => ({ kind: 'retry', delayMs: 1_000, reason: 'handler_error' }));
      }
      const held = settleAll(batch, dispositions);
      if (held.length === 0) continue;
      // The held messages go first next time, ahead of anything buffered since: order is kept.
      buffer = [...held, ...buffer];
      const delayMs = Math.max(...dispositions.map((d) => (d.kind === 'retry' ? d.delayMs : 0)));
      for (const msg of buffer) msg.working();
      await Promise.race([sleep(delayMs), new Promise<void>((resolve) => stopWaiters.push(resolve))]);
    }
  };

  const pumping = pump();
  const processing = run();
  return {
    async stop() {
      stopped = true;
      notify();
      for (const resolve of stopWaiters.splice(0)) resolve();
      await processing;
      await pumping;
      for (const msg of buffer.splice(0)) msg.nak();
      // The naks reach the server before whoever consumes next can ask for messages.
      await opts.flush?.().catch(() => undefined);
    },
  };
}
