import { inboundMessageReceivedV1, inboundStatusReceivedV1 } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { BatchHandler, Disposition, JsMsg } from '@app/messaging';
import type { ApplyStatusResult } from '../../use-cases/apply-delivery-status';
import type { InboundEvent, InboundOutcome, PartitionBatchResult } from '../../use-cases/process-inbound-batch';
import type { ProcessInboundResult } from '../../use-cases/process-inbound-message';

export interface InboundConsumerDeps {
  /**
   * Handles the events in order in one transaction (maybe shared with other partitions' batches), and what
   * follows its commit (relay kick, live events); throws if it did not commit.
   */
  process: (events: readonly InboundEvent[]) => Promise<PartitionBatchResult>;
  /** The same, in a transaction of its own: for one event at a time, after a batch failed. */
  processAlone: (events: readonly InboundEvent[]) => Promise<PartitionBatchResult>;
  /** Each event handled and about to be acked, with what came of it (metrics). */
  onHandled?: (kind: 'message' | 'status', outcome: ProcessInboundResult['outcome'] | ApplyStatusResult['outcome']) => void;
  log: Logger;
}

type Parsed = { ok: true; item: InboundEvent } | { ok: false; reason: string };

function parse(msg: JsMsg, log: Logger): Parsed {
  const kind = msg.subject.endsWith('.message') ? 'message' : msg.subject.endsWith('.status') ? 'status' : undefined;
  let value: unknown;
  try {
    value = msg.json();
  } catch {
    value = undefined;
  }
  if (!kind || value === undefined) {
    log.warn({ subject: msg.subject, seq: msg.seq }, 'inbound event rejected: unknown subject or not JSON');
    return { ok: false, reason: 'unreadable event' };
  }
  if (kind === 'message') {
    const parsed = inboundMessageReceivedV1.safeParse(value);
    if (parsed.success) return { ok: true, item: { kind, event: parsed.data } };
    log.warn({ seq: msg.seq, issues: parsed.error.issues.slice(0, 3) }, 'inbound message rejected: invalid event');
    return { ok: false, reason: 'invalid inbound message event' };
  }
  const parsed = inboundStatusReceivedV1.safeParse(value);
  if (parsed.success) return { ok: true, item: { kind, event: parsed.data } };
  log.warn({ seq: msg.seq, issues: parsed.error.issues.slice(0, 3) }, 'status rejected: invalid event');
  return { ok: false, reason: 'invalid status event' };
}

/** Errors that no retry can fix: terminate the message (logged with its id for a manual replay). */
function isPermanent(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'invalid_outbound_message';
}

/**
 * A partition's batch of inbound events: each parsed with its schema (an unreadable or invalid one is
 * terminated, logged), the valid ones handled in order in one transaction (which other partitions' batches
 * may share), then acked. If that transaction fails, the events are handled one transaction each, so that one event that cannot be processed holds back
 * only itself and what follows it in the partition: it is retried (or terminated when no retry can fix it),
 * and everything after it waits its turn, which keeps each student's order.
 */
export function inboundBatchHandler(deps: InboundConsumerDeps): BatchHandler {
  const { log } = deps;
  const logOutcome = (item: InboundEvent, outcome: InboundOutcome) => {
    if (outcome.kind === 'message') {
      const result = outcome.result;
      const fields = { correlationId: item.event.correlationId, waMessageId: item.event.id };
      if (result.outcome === 'duplicate') log.info(fields, 'inbound message already processed');
      else log.info({ ...fields, conversationId: result.conversationId, replies: result.replies.length }, 'inbound message stored');
    } else {
      log.debug({ correlationId: item.event.correlationId, eventId: item.event.id, outcome: outcome.result.outcome }, 'status handled');
    }
    deps.onHandled?.(outcome.kind, outcome.result.outcome);
  };
  /** Handles the items; false when the partition's lease was lost (nothing of them was written). */
  const run = async (items: { index: number; item: InboundEvent }[], alone: boolean): Promise<boolean> => {
    const events = items.map((i) => i.item);
    const result = alone ? await deps.processAlone(events) : await deps.process(events);
    if (result.leaseLost) return false;
    items.forEach((entry, i) => {
      const outcome = result.outcomes[i];
      if (outcome) logOutcome(entry.item, outcome);
    });
    return true;
  };
  const leaseLost = (dispositions: Disposition[], items: { index: number }[]) => {
    log.warn({ events: items.length }, 'partition lease lost; the events go back to the stream for its new holder');
    for (const { index } of items) dispositions[index] = { kind: 'retry', delayMs: 1_000, reason: 'lease_lost' };
    return dispositions;
  };

  let struggling = false;
  return async (msgs) => {
    const dispositions: Disposition[] = msgs.map(() => ({ kind: 'ack' }));
    const valid: { index: number; item: InboundEvent }[] = [];
    msgs.forEach((msg, index) => {
      const parsed = parse(msg, log);
      if (parsed.ok) valid.push({ index, item: parsed.item });
      else dispositions[index] = { kind: 'term', reason: parsed.reason };
    });
    if (valid.length === 0) return dispositions;
    /** A failed event: terminated if no retry can fix it, otherwise retried with everything after it. */
    const failed = (at: number, error: unknown): 'next' | 'stop' => {
      const entry = valid[at]!;
      const where = { seq: msgs[entry.index]?.seq, subject: msgs[entry.index]?.subject, eventId: entry.item.event.id };
      if (isPermanent(error)) {
        log.error({ err: error, ...where }, 'inbound event cannot be processed; terminated');
        dispositions[entry.index] = { kind: 'term', reason: 'permanent processing error' };
        return 'next';
      }
      log.error({ err: error, ...where }, 'inbound event failed; retrying it and what follows it');
      for (const later of valid.slice(at)) dispositions[later.index] = { kind: 'retry', delayMs: 1_000, reason: 'handler_error' };
      return 'stop';
    };
    // A partition whose last round failed goes one by one at once: its failing event must not take other
    // partitions' events down with it again in a shared transaction.
    if (!struggling) {
      try {
        return (await run(valid, false)) ? dispositions : leaseLost(dispositions, valid);
      } catch (error) {
        log.warn({ err: error, events: valid.length }, 'inbound batch failed; handling its events one by one');
      }
    }
    struggling = false;
    for (let i = 0; i < valid.length; i++) {
      try {
        if (!(await run([valid[i]!], true))) return leaseLost(dispositions, valid.slice(i));
      } catch (error) {
        if (failed(i, error) === 'stop') {
          struggling = true;
          break;
        }
      }
    }
    return dispositions;
  };
}
