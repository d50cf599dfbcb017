import type { Consumer, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { Logger } from '@app/logging';
import { recoveryBackoffMs, type ConsumerHealth } from './consumer-health';
import { ensureConsumerTopology, isMissingResource, type ConsumerTopology, type ResumePoint } from './topology';

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

/** How often the consumer's ack floor is read again: how far back a re-created consumer may replay. */
const RESUME_REFRESH_MS = 30_000;

/**
 * Consumes a durable pull consumer in batches: up to `maxBatch` messages are fetched ahead, and each round
 * hands the handler everything buffered (at most `maxBatch`), settling each message only after the
 * handler returned (for the engine: after its transaction committed). One batch at a time, so a consumer
 * whose messages must stay in order (a partition) keeps it. A handler that throws fails the whole batch,
 * which is offered again after a delay: a bug or an outage never acks a message that was not processed.
 *
 * With `max_ack_pending` = `maxBatch` on the consumer, the server never has more out than one batch.
 *
 * A consumer lost at runtime (deleted, its stream deleted, NATS restarted without its store) is re-created
 * from `topology`, the specs it was ensured with at start, and consuming resumes (ensureConsumerTopology says
 * where it starts). Until then `health` reports it lost, and the loop retries with a bounded backoff.
 */
export function startBatchLoop(opts: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: ConsumerTopology;
  maxBatch: number;
  health?: ConsumerHealth;
  handler: BatchHandler;
  log: Logger;
  /** Waits until the server has what this connection sent (the naks of a stop). */
  flush?: () => Promise<void>;
  /** Called for each message settled, whatever the disposition (metrics). */
  onSettled?: (msg: JsMsg, disposition: Disposition) => void;
  /** Called each time a message is held, or given back, for another try. */
  onRetry?: (msg: JsMsg, disposition: Extract<Disposition, { kind: 'retry' | 'redeliver' }>) => void;
  /**
   * The consumer's messages must be handled in stream order (a partition), and its ack wait. A message the
   * server delivered into a fetch this client never read (a fetch that ended on our side as the server sent,
   * a connection lost mid-delivery) stays out until the ack wait and then comes back behind newer ones. Such a
   * loss shows as a gap in the consumer's delivery sequence: the loop then handles nothing newer until the lost
   * deliveries came back (at most the ack wait, plus a margin), and hands the buffer over in stream order.
   */
  inOrder?: { ackWaitMs: number };
}): BatchLoop {
  const { js, jsm, handler, log, maxBatch, health } = opts;
  const { stream, durable } = opts.topology.consumer;
  const key = `${stream}/${durable}`;
  let stopped = false;
  let onStop: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (onStop = resolve));
  const pause = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, ms))), stopping]);
    clearTimeout(timer);
  };
  let buffer: JsMsg[] = [];
  let wake: (() => void) | undefined;
  // In-order consumers: the last delivery sequence seen, how many deliveries went missing before it, and since when.
  let lastDelivery: number | undefined;
  let missing = 0;
  /** Messages handed to the handler and not settled yet. */
  let handling = 0;
  let missingSince = 0;
  const noteDelivery = (msg: JsMsg) => {
    if (!opts.inOrder) return;
    const delivery = msg.info.deliverySequence;
    if (lastDelivery !== undefined && delivery > lastDelivery + 1) {
      if (missing === 0) missingSince = Date.now();
      missing += delivery - lastDelivery - 1;
      log.warn({ stream, durable, missing, seq: msg.seq }, 'deliveries lost in transit; holding newer messages until they come back');
    } else if (missing > 0 && msg.redelivered) {
      missing -= 1;
      if (missing === 0) log.info({ stream, durable, seq: msg.seq }, 'lost deliveries came back; consuming in order again');
    }
    // A re-created consumer starts its delivery sequence again.
    lastDelivery = lastDelivery === undefined || delivery > lastDelivery || delivery === 1 ? delivery : lastDelivery;
  };
  /** Newer messages wait while deliveries are missing, within the ack wait and a margin. */
  const holding = () => {
    if (!opts.inOrder || missing === 0) return false;
    if (Date.now() - missingSince <= opts.inOrder.ackWaitMs + 5_000) return true;
    log.warn({ stream, durable, missing }, 'lost deliveries did not come back within the ack wait; consuming on');
    missing = 0;
    return false;
  };
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  // Where a re-created consumer would resume. The stream's creation time is read before the consumer's floor:
  // if the stream is re-created in between, the floor is paired with the old time and the re-created consumer
  // starts from the beginning (see ensureConsumerTopology), never past a message.
  let resume: ResumePoint | undefined;
  const acquire = async (): Promise<Consumer> => {
    const streamCreated = (await jsm.streams.info(stream)).created;
    const consumer = await js.consumers.get(stream, durable);
    const info = await consumer.info(true);
    resume = { streamCreated, ackFloorSeq: info.ack_floor.stream_seq };
    if (opts.inOrder) {
      // Deliveries out with no one holding them (a fetch lost before this start or restart) come back after
      // the ack wait; newer ones wait for them.
      lastDelivery = info.delivered.consumer_seq;
      const out = info.num_ack_pending - buffer.length - handling;
      if (out > 0 && missing === 0) {
        missing = out;
        missingSince = Date.now();
        log.warn({ stream, durable, missing }, 'deliveries out with no one holding them; holding newer messages until they come back');
      }
    }
    return consumer;
  };
  const refreshResume = async (consumer: Consumer) => {
    const { ack_floor } = await consumer.info();
    if (resume) resume = { ...resume, ackFloorSeq: ack_floor.stream_seq };
  };

  // A fetch's error does not say for sure what happened ("heartbeats missed" is also a slow network, or a
  // consumer that is gone): the server is asked, and only a consumer or stream it does not know is re-created.
  // One line when an outage starts and one when it ends, whatever the number of tries in between.
  const recover = async (cause: unknown) => {
    let outage: 'missing' | 'unreachable' | undefined;
    let ensureFailureLogged = false;
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await jsm.consumers.info(stream, durable);
        health?.restored(key);
        if (outage) {
          log.info({ stream, durable }, 'consumer reachable again; consuming');
          return;
        }
        // The consumer is there: a passing hiccup. A short pause keeps an error that repeats from spinning.
        log.debug({ err: cause, stream, durable }, 'fetch interrupted; consuming again');
        await pause(recoveryBackoffMs(0));
        return;
      } catch (error) {
        if (!isMissingResource(error)) {
          // NATS or JetStream not answering: nothing to re-create, and the 'nats' readiness check names it.
          if (!outage) log.warn({ err: error, cause, stream, durable }, 'consumer unreachable; retrying');
          outage ??= 'unreachable';
        } else {
          if (outage !== 'missing')
            log.warn(
              { stream, durable, reason: error instanceof Error ? error.message : String(error) },
              'consumer missing; re-creating it',
            );
          outage = 'missing';
          health?.lost(key);
          try {
            const { consumerCreated } = await ensureConsumerTopology(jsm, opts.topology, resume);
            log.info({ stream, durable, consumerCreated, resume }, 'consumer re-created; consuming again');
            health?.restored(key);
            return;
          } catch (ensureError) {
            if (!ensureFailureLogged) log.warn({ err: ensureError, stream, durable }, 'could not re-create consumer; retrying');
            ensureFailureLogged = true;
          }
        }
      }
      await pause(recoveryBackoffMs(attempt));
    }
  };

  // Fetches fill our buffer; the processing loop drains it. The buffer is bounded by the consumer's
  // max_ack_pending (the server sends no more) and by maxBatch (no fetch asks for more). Each fetch is short
  // and runs to its end, even when stopping: a message the server sent is always in our hands, never lost in
  // transit, so stop() can give every unprocessed one back.
  const pump = async () => {
    while (!stopped) {
      try {
        const consumer = await acquire();
        let remembered = Date.now();
        while (!stopped) {
          const room = maxBatch - buffer.length;
          if (room <= 0) {
            await sleep(5);
            continue;
          }
          const messages = await consumer.fetch({ max_messages: room, expires: FETCH_EXPIRES_MS });
          for await (const msg of messages) {
            noteDelivery(msg);
            buffer.push(msg);
            notify();
          }
          if (Date.now() - remembered >= RESUME_REFRESH_MS) {
            await refreshResume(consumer);
            remembered = Date.now();
          }
        }
      } catch (error) {
        if (stopped) break;
        await recover(error);
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
      if (holding()) {
        for (const msg of buffer) msg.working();
        await Promise.race([sleep(250), new Promise<void>((resolve) => stopWaiters.push(resolve))]);
        continue;
      }
      // A delivery that came back after newer ones takes its place in stream order.
      if (opts.inOrder) buffer.sort((a, b) => a.seq - b.seq);
      const batch = buffer.slice(0, maxBatch);
      buffer = buffer.slice(batch.length);
      handling = batch.length;
      let dispositions: Disposition[];
      try {
        dispositions = await handler(batch);
      } catch (error) {
        log.error({ err: error, stream, durable, messages: batch.length }, 'batch handler failed; retrying');
        dispositions = batch.map(() => ({ kind: 'retry', delayMs: 1_000, reason: 'handler_error' }));
      }
      const held = settleAll(batch, dispositions);
      handling = 0;
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
      onStop();
      notify();
      for (const resolve of stopWaiters.splice(0)) resolve();
      await processing;
      await pumping;
      health?.restored(key);
      for (const msg of buffer.splice(0)) msg.nak();
      // The naks reach the server before whoever consumes next can ask for messages.
      await opts.flush?.().catch(() => undefined);
    },
  };
}
