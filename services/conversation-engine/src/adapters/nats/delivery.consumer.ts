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
import type { Logger } from '@app/logging';
import type { BatchHandler, Disposition, JsMsg } from '@app/messaging';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Changes, Committed } from '../../use-cases/shared/changes';
import type { DeliveryStep } from '../../use-cases/delivery/record-delivery-batch';
import type { recordMediaOutcome } from '../../use-cases/delivery/record-media-outcome';
import type { recordReadResult } from '../../use-cases/delivery/record-read-result';
import type { recordSendResults, RecordSendResult } from '../../use-cases/delivery/record-send-result';
import type { recordSendRetrying } from '../../use-cases/delivery/record-send-retrying';
import type { EngineDatabase } from '../../db/database';
import { mayNeedSanitizing, sanitizeForPostgres } from '../../domain/sanitize';
import type { ParkRequest } from '../../use-cases/parked/park-event';
import { errorText, eventAttempts, type RetryPolicy } from './event-attempts';
import { endEventSpans, openEventSpan, type EventSpan } from './event-spans';

type Trx = Transaction<EngineDatabase>;

export interface DeliveryConsumerDeps {
  names: Pick<
    Topology,
    'sendResultSubject' | 'sendRetryingSubject' | 'readResultSubject' | 'mediaDownloadedSubject' | 'mediaDownloadFailedSubject'
  >;
  recordSendResults: typeof recordSendResults;
  recordSendRetrying: typeof recordSendRetrying;
  recordReadResult: typeof recordReadResult;
  recordMediaOutcome: typeof recordMediaOutcome;
  /** Runs the steps in one transaction; throws if it did not commit. */
  recordBatch: (steps: readonly DeliveryStep[]) => Promise<Committed<unknown>>;
  /** After the commit: the relay may send the student's next message; admins hear of what changed. */
  afterCommit: (changes: Changes) => Promise<void>;
  /** Keeps an event given up on where admins see it; throws if it could not (then the event is kept). */
  park: (request: ParkRequest) => Promise<void>;
  retry: RetryPolicy;
  /** Given the function that applies one stored event (subject, body) as on arrival: for parked retries. */
  onReplayReady?: (replay: (subject: string, body: string) => Promise<void>) => void;
  log: Logger;
}

interface Envelope {
  id: string;
  correlationId: string;
}

/** A delivery event parsed: a send result (applied with the others of its batch at once), or a step of its own. */
type Parsed = { send: OutboundSendResultV1; log: Logger } | { step: DeliveryStep };

/** One subject's event: parsed with its schema. */
type Route = (value: unknown, log: (event: Envelope) => Logger) => { ok: false; issues: z.core.$ZodIssue[] } | { ok: true; parsed: Parsed };

function route<E extends Envelope>(schema: z.ZodType<E>, toParsed: (event: E, log: Logger) => Parsed): Route {
  return (value, log) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 3) };
    return { ok: true, parsed: toParsed(parsed.data, log(parsed.data)) };
  };
}

function logSendResult(event: OutboundSendResultV1, result: RecordSendResult, log: Logger): void {
  const { messageId } = event.data;
  if (result.outcome === 'unknown_message') log.warn({ messageId }, 'send result for an unknown message');
  else
    log.debug(
      { messageId, outcome: result.outcome, result: event.data.outcome, windowClosed: result.windowClosed !== undefined },
      'send result recorded',
    );
}

function routes(deps: DeliveryConsumerDeps): Map<string, Route> {
  const readResult = async (trx: Trx, now: Date, event: OutboundReadResultV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordReadResult(trx, now, event);
    const fields = { requestId: event.data.requestId, outcome: result.outcome, result: event.data.outcome };
    if (event.data.outcome === 'failed') log.warn({ ...fields, error: event.data.error }, 'mark-as-read failed');
    else log.debug(fields, 'read result recorded');
    return result.changes;
  };
  // A note only touches a queued message and a result clears it: in whatever order a note and its message's
  // result are applied (one batch or two), the message ends sent or failed, with no note.
  const sendRetrying = async (trx: Trx, _now: Date, event: OutboundSendRetryingV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordSendRetrying(trx, event);
    const { messageId, attempt, reason, code, nextAttemptAt } = event.data;
    log.debug({ messageId, attempt, reason, errorCode: code, nextAttemptAt, outcome: result.outcome }, 'send retry note recorded');
    return result.changes;
  };
  const mediaOutcome = async (trx: Trx, now: Date, event: MediaDownloadedV1 | MediaDownloadFailedV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordMediaOutcome(trx, now, event);
    log.info(
      { mediaId: event.data.mediaId, type: event.type, outcome: result.outcome, messages: result.changes.messagesStatus.length },
      'media outcome recorded',
    );
    return result.changes;
  };
  const step =
    <E>(handle: (trx: Trx, now: Date, event: E, log: Logger) => Promise<Changes>) =>
    (event: E, log: Logger): Parsed => ({ step: (trx, now) => handle(trx, now, event, log) });
  return new Map<string, Route>([
    [deps.names.sendResultSubject, route(outboundSendResultV1, (send, log) => ({ send, log }))],
    [deps.names.sendRetryingSubject, route(outboundSendRetryingV1, step(sendRetrying))],
    [deps.names.readResultSubject, route(outboundReadResultV1, step(readResult))],
    [deps.names.mediaDownloadedSubject, route(mediaDownloadedV1, step(mediaOutcome))],
    [deps.names.mediaDownloadFailedSubject, route(mediaDownloadFailedV1, step(mediaOutcome))],
  ]);
}

/**
 * Everything whatsapp-sender reports on the DELIVERY stream, dispatched by subject: send results, retry notes
 * of sends still queued, mark-as-read results, media downloaded or given up. Each is parsed with its own
 * schema; an unknown subject, a body that is not JSON or an event that breaks its schema is terminated
 * (logged), never retried. A batch of events is applied in one transaction (each once per event id); if that
 * fails, each event gets its own, so that one that cannot be applied now is given back for a later try
 * alone. What the commit changed follows it (relay, live events) before the acks.
 */
export function deliveryBatchHandler(deps: DeliveryConsumerDeps): BatchHandler {
  const bySubject = routes(deps);
  const parse = (msg: JsMsg): Parsed | { term: string } => parsePayload(msg.subject, msg.string(), msg.seq);
  const parsePayload = (subject: string, body: string, seq?: number): Parsed | { term: string } => {
    const parseRoute = bySubject.get(subject);
    if (parseRoute === undefined) {
      deps.log.warn({ subject, seq }, 'delivery event rejected: unknown subject');
      return { term: 'unknown subject' };
    }
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      deps.log.warn({ subject, seq }, 'delivery event rejected: not JSON');
      return { term: 'not JSON' };
    }
    if (mayNeedSanitizing(body)) {
      const clean = sanitizeForPostgres(value);
      if (clean.changed) deps.log.warn({ subject, seq }, 'delivery event had characters Postgres cannot store; replaced');
      value = clean.value;
    }
    const parsed = parseRoute(value, (event) => deps.log.child({ correlationId: event.correlationId, eventId: event.id }));
    if (!parsed.ok) {
      deps.log.warn({ subject, seq, issues: parsed.issues }, 'delivery event rejected: invalid event');
      return { term: 'invalid delivery event' };
    }
    return parsed.parsed;
  };
  /** The send results of a batch as one step (set-based), then every other event's own. */
  const stepsOf = (items: readonly Parsed[]): DeliveryStep[] => {
    const sends = items.flatMap((item) => ('send' in item ? [item] : []));
    const others = items.flatMap((item) => ('step' in item ? [item.step] : []));
    if (sends.length === 0) return others;
    const sendStep: DeliveryStep = async (trx, now) => {
      const { outcome, changes } = await deps.recordSendResults(
        trx,
        now,
        sends.map((s) => s.send),
      );
      outcome.forEach((result, i) => logSendResult(sends[i]!.send, result, sends[i]!.log));
      return changes;
    };
    return [sendStep, ...others];
  };

  // An admin's retry of a parked event: the same parse and the same transaction as when it arrived.
  deps.onReplayReady?.(async (subject, body) => {
    const parsed = parsePayload(subject, body);
    if ('term' in parsed) throw new Error(`still unreadable: ${parsed.term}`);
    await deps.afterCommit((await deps.recordBatch(stepsOf([parsed]))).changes);
  });
  const attempts = eventAttempts(deps.retry);
  const park = async (msg: JsMsg, error: string, tries: number): Promise<boolean> => {
    try {
      await deps.park({
        source: 'delivery',
        subject: msg.subject,
        streamSeq: msg.seq,
        phoneNumber: null,
        payload: msg.string(),
        error,
        attempts: tries,
      });
      return true;
    } catch (parkError) {
      deps.log.error({ err: parkError, seq: msg.seq, subject: msg.subject }, 'could not park a delivery event; keeping it');
      return false;
    }
  };
  const keep: Disposition = { kind: 'redeliver', delayMs: deps.retry.baseMs, reason: 'park_failed' };

  // Each valid event is a CONSUMER span (tracing on) in the trace of the send it reports: the delivery result
  // closes the trace the inbound message opened. Applied set-based, so the spans bracket the shared transaction.
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
    const items: { index: number; parsed: Parsed }[] = [];
    for (const [index, msg] of msgs.entries()) {
      const parsed = parse(msg);
      // Unreadable or invalid: never retried, but parked so that admins see it.
      if ('term' in parsed) dispositions[index] = (await park(msg, parsed.term, 1)) ? { kind: 'term', reason: parsed.term } : keep;
      else {
        const event = 'send' in parsed ? parsed.send : { type: msg.subject.slice(msg.subject.lastIndexOf('.') + 1) };
        openEventSpan(msg, event, spans, index);
        items.push({ index, parsed });
      }
    }
    const settled = () => {
      msgs.forEach((msg, i) => {
        if (dispositions[i]?.kind !== 'redeliver') attempts.settled(msg.seq);
      });
      return dispositions;
    };
    if (items.length === 0) return settled();
    try {
      await deps.afterCommit((await deps.recordBatch(stepsOf(items.map((i) => i.parsed)))).changes);
      return settled();
    } catch (error) {
      deps.log.warn({ err: error, events: items.length }, 'delivery batch failed; applying its events one by one');
    }
    for (const { index, parsed } of items) {
      try {
        await deps.afterCommit((await deps.recordBatch(stepsOf([parsed]))).changes);
      } catch (error) {
        const msg = msgs[index]!;
        const tried = attempts.failed(msg);
        const where = { err: error, seq: msg.seq, subject: msg.subject, attempts: tried.attempts };
        if (tried.exhausted) {
          deps.log.error(where, 'delivery event cannot be applied; parking it');
          dispositions[index] = (await park(msg, errorText(error), tried.attempts)) ? { kind: 'term', reason: 'retries exhausted' } : keep;
        } else {
          deps.log.error({ ...where, delayMs: tried.delayMs }, 'delivery event failed; delivered again later');
          dispositions[index] = { kind: 'redeliver', delayMs: tried.delayMs, reason: 'handler_error' };
        }
      }
    }
    return settled();
  };
  return traced;
}
