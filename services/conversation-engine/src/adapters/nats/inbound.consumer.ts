import { inboundEchoReceivedV1, inboundMessageReceivedV1, inboundStatusReceivedV1 } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { BatchHandler, Disposition, JsMsg } from '@app/messaging';
import { PermanentError } from '../../domain/engine-error';
import { mayNeedSanitizing, sanitizeForPostgres } from '../../domain/sanitize';
import type { ParkRequest } from '../../use-cases/parked/park-event';
import { errorText, eventAttempts, type RetryPolicy } from './event-attempts';
import { endEventSpans, openEventSpan, type EventSpan } from './event-spans';
import type { ApplyStatusResult } from '../../use-cases/delivery/apply-delivery-status';
import type { InboundEvent, InboundOutcome, PartitionBatchResult } from '../../use-cases/inbound/process-inbound-batch';
import type { ProcessInboundResult } from '../../use-cases/inbound/process-inbound-message';

export interface InboundConsumerDeps {
  /**
   * Handles the events in order in one transaction (maybe shared with other partitions' batches), and what
   * follows its commit (relay kick, live events); throws if it did not commit.
   */
  process: (events: readonly InboundEvent[]) => Promise<PartitionBatchResult>;
  /** The same, in a transaction of its own: for one event at a time, after a batch failed. */
  processAlone: (events: readonly InboundEvent[]) => Promise<PartitionBatchResult>;
  /** Each event handled and about to be acked, with what came of it (metrics). */
  onHandled?: (kind: InboundOutcome['kind'], outcome: ProcessInboundResult['outcome'] | ApplyStatusResult['outcome']) => void;
  /** Keeps an event given up on where admins see it; throws if it could not (then the event is kept). */
  park: (request: ParkRequest) => Promise<void>;
  retry: RetryPolicy;
  log: Logger;
}

type Named = {
  from?: unknown;
  from_user_id?: unknown;
  recipient_id?: unknown;
  recipient_user_id?: unknown;
  to?: unknown;
  to_user_id?: unknown;
};

/**
 * A best-effort student out of an event's payload (for admins), null if none: its key as the partitions know
 * it (studentKey: the business-scoped user id when there is one, else the phone). Read from a payload that may
 * not parse, hence by hand.
 */
function studentKeyOf(value: unknown): string | null {
  const data = (value as { data?: { message?: Named; status?: Named; echo?: Named } } | undefined)?.data;
  const { message, status, echo } = data ?? {};
  const candidates = [message?.from_user_id, message?.from, status?.recipient_user_id, status?.recipient_id, echo?.to_user_id, echo?.to];
  const key = candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
  return key === undefined ? null : key.slice(0, 200);
}

type Parsed = { ok: true; item: InboundEvent } | { ok: false; reason: string };

const idOf = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

function parse(msg: JsMsg, log: Logger): Parsed {
  return parseInboundPayload(msg.subject, msg.string(), log, msg.seq);
}

/**
 * An inbound event as it came (subject and body): made storable (NUL and lone surrogates), then parsed with
 * its schema. Also how a parked event is read again for an admin's retry.
 */
export function parseInboundPayload(subject: string, body: string, log: Logger, seq?: number): Parsed {
  const kind = subject.endsWith('.message')
    ? 'message'
    : subject.endsWith('.status')
      ? 'status'
      : subject.endsWith('.echo')
        ? 'echo'
        : undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    value = undefined;
  }
  if (value !== undefined && mayNeedSanitizing(body)) {
    const clean = sanitizeForPostgres(value);
    // Postgres cannot store NUL or lone surrogates: one in a student's text would fail every retry.
    if (clean.changed)
      log.warn({ subject, seq, eventId: idOf(clean.value) }, 'inbound event had characters Postgres cannot store; replaced');
    value = clean.value;
  }
  if (!kind || value === undefined) {
    log.warn({ subject, seq }, 'inbound event rejected: unknown subject or not JSON');
    return { ok: false, reason: 'unreadable event' };
  }
  if (kind === 'message') {
    const parsed = inboundMessageReceivedV1.safeParse(value);
    if (parsed.success) return { ok: true, item: { kind, event: parsed.data } };
    log.warn({ seq, issues: parsed.error.issues.slice(0, 3) }, 'inbound message rejected: invalid event');
    return { ok: false, reason: 'invalid inbound message event' };
  }
  if (kind === 'echo') {
    const parsed = inboundEchoReceivedV1.safeParse(value);
    if (parsed.success) return { ok: true, item: { kind, event: parsed.data } };
    log.warn({ seq, issues: parsed.error.issues.slice(0, 3) }, 'message echo rejected: invalid event');
    return { ok: false, reason: 'invalid message echo event' };
  }
  const parsed = inboundStatusReceivedV1.safeParse(value);
  if (parsed.success) return { ok: true, item: { kind, event: parsed.data } };
  log.warn({ seq, issues: parsed.error.issues.slice(0, 3) }, 'status rejected: invalid event');
  return { ok: false, reason: 'invalid status event' };
}

/** Errors that no retry can fix: terminate the message (logged with its id for a manual replay). */
function isPermanent(error: unknown): boolean {
  return error instanceof PermanentError;
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
    } else if (outcome.kind === 'echo') {
      const fields = { correlationId: item.event.correlationId, waMessageId: item.event.id };
      if (outcome.result.outcome === 'duplicate') log.info(fields, 'message echo already stored');
      else log.info({ ...fields, conversationId: outcome.result.conversationId }, 'message echo from the Business app stored');
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

  const attempts = eventAttempts(deps.retry);
  /** Parks a message (it will be terminated); false if the row could not be written (it is kept instead). */
  const park = async (msg: JsMsg, error: string, tries: number, eventId?: string): Promise<boolean> => {
    try {
      await deps.park({
        source: 'inbound',
        subject: msg.subject,
        streamSeq: msg.seq,
        phoneNumber: studentKeyOf(safeJson(msg)),
        payload: msg.string(),
        error,
        attempts: tries,
        eventId,
      });
      return true;
    } catch (parkError) {
      log.error({ err: parkError, seq: msg.seq, subject: msg.subject, eventId }, 'could not park an inbound event; keeping it');
      return false;
    }
  };
  const parkFailed: Disposition = { kind: 'retry', delayMs: deps.retry.baseMs, reason: 'park_failed' };

  let struggling = false;
  // Each valid event's CONSUMER span (tracing on) is its context while it is handled, ended once it is settled.
  const traced: BatchHandler = async (msgs) => {
    const spans: EventSpan[] = [];
    try {
      const dispositions = await handle(msgs, spans);
      endEventSpans(spans, dispositions);
      return dispositions;
    } catch (error) {
      endEventSpans(spans, undefined, error);
      throw error;
    }
  };
  const handle = async (msgs: readonly JsMsg[], spans: EventSpan[]): Promise<Disposition[]> => {
    const dispositions: Disposition[] = msgs.map(() => ({ kind: 'ack' }));
    const valid: { index: number; item: InboundEvent }[] = [];
    for (const [index, msg] of msgs.entries()) {
      const parsed = parse(msg, log);
      if (parsed.ok) valid.push({ index, item: { ...parsed.item, trace: openEventSpan(msg, parsed.item.event, spans, index) } });
      // Unreadable or invalid: no retry can fix it, but admins see it (parked) rather than lose it silently.
      else dispositions[index] = (await park(msg, parsed.reason, 1)) ? { kind: 'term', reason: parsed.reason } : parkFailed;
    }
    const settled = () => {
      msgs.forEach((msg, i) => {
        if (dispositions[i]?.kind !== 'retry') attempts.settled(msg.seq);
      });
      return dispositions;
    };
    if (valid.length === 0) return settled();
    /**
     * A failed event: parked and terminated if no retry can fix it or its tries are spent (the partition then
     * goes on), otherwise retried after a backoff with everything after it (which keeps the students' order).
     */
    const failed = async (at: number, error: unknown): Promise<'next' | 'stop'> => {
      const entry = valid[at]!;
      const msg = msgs[entry.index]!;
      const where = { seq: msg.seq, subject: msg.subject, eventId: entry.item.event.id };
      const tried = isPermanent(error) ? { attempts: 1, exhausted: true, delayMs: 0 } : attempts.failed(msg);
      if (tried.exhausted) {
        log.error({ err: error, ...where, attempts: tried.attempts }, 'inbound event cannot be processed; parking it');
        if (await park(msg, errorText(error), tried.attempts, entry.item.event.id)) {
          dispositions[entry.index] = { kind: 'term', reason: isPermanent(error) ? 'permanent processing error' : 'retries exhausted' };
          return 'next';
        }
      } else {
        log.error(
          { err: error, ...where, attempts: tried.attempts, delayMs: tried.delayMs },
          'inbound event failed; retrying it and what follows it',
        );
      }
      const delayMs = tried.exhausted ? deps.retry.baseMs : tried.delayMs;
      for (const later of valid.slice(at)) dispositions[later.index] = { kind: 'retry', delayMs, reason: 'handler_error' };
      return 'stop';
    };
    // A partition whose last round failed goes one by one at once: its failing event must not take other
    // partitions' events down with it again in a shared transaction.
    if (!struggling) {
      try {
        return (await run(valid, false)) ? settled() : leaseLost(dispositions, valid);
      } catch (error) {
        log.warn({ err: error, events: valid.length }, 'inbound batch failed; handling its events one by one');
      }
    }
    struggling = false;
    for (let i = 0; i < valid.length; i++) {
      try {
        if (!(await run([valid[i]!], true))) return leaseLost(dispositions, valid.slice(i));
      } catch (error) {
        if ((await failed(i, error)) === 'stop') {
          struggling = true;
          break;
        }
      }
    }
    return settled();
  };
  return traced;
}

function safeJson(msg: JsMsg): unknown {
  try {
    return msg.json();
  } catch {
    return undefined;
  }
}
