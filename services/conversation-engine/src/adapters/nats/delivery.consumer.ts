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
import type { Logger } from '@app/logging';
import type { BatchHandler, Disposition, JsMsg } from '@app/messaging';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { noChanges, type Changes } from '../../use-cases/changes';
import type { DeliveryStep } from '../../use-cases/record-delivery-batch';
import type { recordMediaOutcome } from '../../use-cases/record-media-outcome';
import type { recordReadResult } from '../../use-cases/record-read-result';
import type { recordSendResult } from '../../use-cases/record-send-result';
import type { EngineDatabase } from '../db/database';

type Trx = Transaction<EngineDatabase>;

export interface DeliveryConsumerDeps {
  names: Pick<SenderTopology, 'sendResultSubject' | 'readResultSubject' | 'mediaDownloadedSubject' | 'mediaDownloadFailedSubject'>;
  recordSendResult: typeof recordSendResult;
  recordReadResult: typeof recordReadResult;
  recordMediaOutcome: typeof recordMediaOutcome;
  /** Runs the steps in one transaction; throws if it did not commit. */
  recordBatch: (steps: readonly DeliveryStep[]) => Promise<Changes>;
  /** After the commit: the relay may send the student's next message; admins hear of what changed. */
  afterCommit: (changes: Changes) => Promise<void>;
  log: Logger;
}

interface Envelope {
  id: string;
  correlationId: string;
}

/** One subject's event: parsed with its schema, then a step of the batch that says what its commit changed. */
type Route = (value: unknown) => { ok: false; issues: z.core.$ZodIssue[] } | { ok: true; event: Envelope; step: (log: Logger) => DeliveryStep };

function route<E extends Envelope>(schema: z.ZodType<E>, handle: (trx: Trx, now: Date, event: E, log: Logger) => Promise<Changes>): Route {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 3) };
    const event = parsed.data;
    return { ok: true, event, step: (log) => (trx, now) => handle(trx, now, event, log) };
  };
}

function routes(deps: DeliveryConsumerDeps): Map<string, Route> {
  const sendResult = async (trx: Trx, now: Date, event: OutboundSendResultV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordSendResult(trx, now, event);
    const { messageId } = event.data;
    if (result.outcome === 'unknown_message') log.warn({ messageId }, 'send result for an unknown message');
    else log.debug({ messageId, outcome: result.outcome, result: event.data.outcome, windowClosed: result.windowClosed !== undefined }, 'send result recorded');
    return {
      ...noChanges(),
      messagesStatus: result.statusChanged ? [messageId] : [],
      conversations: result.windowClosed ? [result.windowClosed] : [],
      relay: result.released,
    };
  };
  const readResult = async (trx: Trx, now: Date, event: OutboundReadResultV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordReadResult(trx, now, event);
    const fields = { requestId: event.data.requestId, outcome: result.outcome, result: event.data.outcome };
    if (event.data.outcome === 'failed') log.warn({ ...fields, error: event.data.error }, 'mark-as-read failed');
    else log.debug(fields, 'read result recorded');
    return { ...noChanges(), relay: result.released };
  };
  const mediaOutcome = async (trx: Trx, now: Date, event: MediaDownloadedV1 | MediaDownloadFailedV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordMediaOutcome(trx, now, event);
    log.info({ mediaId: event.data.mediaId, type: event.type, outcome: result.outcome, messages: result.messageIds.length }, 'media outcome recorded');
    return { ...noChanges(), messagesStatus: result.messageIds };
  };
  return new Map<string, Route>([
    [deps.names.sendResultSubject, route(outboundSendResultV1, sendResult)],
    [deps.names.readResultSubject, route(outboundReadResultV1, readResult)],
    [deps.names.mediaDownloadedSubject, route(mediaDownloadedV1, mediaOutcome)],
    [deps.names.mediaDownloadFailedSubject, route(mediaDownloadFailedV1, mediaOutcome)],
  ]);
}

/**
 * Everything whatsapp-sender reports on the DELIVERY stream, dispatched by subject: send results, mark-as-read
 * results, media downloaded or given up. Each is parsed with its own schema; an unknown subject, a body that
 * is not JSON or an event that breaks its schema is terminated (logged), never retried. A batch of events is
 * applied in one transaction (each once per event id); if that fails, each event gets its own, so that one
 * that cannot be applied now is given back for a later try alone. What the commit changed follows it
 * (relay, live events) before the acks.
 */
export function deliveryBatchHandler(deps: DeliveryConsumerDeps): BatchHandler {
  const bySubject = routes(deps);
  const parse = (msg: JsMsg): { step: DeliveryStep } | { term: string } => {
    const parseRoute = bySubject.get(msg.subject);
    if (parseRoute === undefined) {
      deps.log.warn({ subject: msg.subject, seq: msg.seq }, 'delivery event rejected: unknown subject');
      return { term: 'unknown subject' };
    }
    let value: unknown;
    try {
      value = msg.json();
    } catch {
      deps.log.warn({ subject: msg.subject, seq: msg.seq }, 'delivery event rejected: not JSON');
      return { term: 'not JSON' };
    }
    const parsed = parseRoute(value);
    if (!parsed.ok) {
      deps.log.warn({ subject: msg.subject, seq: msg.seq, issues: parsed.issues }, 'delivery event rejected: invalid event');
      return { term: 'invalid delivery event' };
    }
    return { step: parsed.step(deps.log.child({ correlationId: parsed.event.correlationId, eventId: parsed.event.id })) };
  };

  return async (msgs) => {
    const dispositions: Disposition[] = msgs.map(() => ({ kind: 'ack' }));
    const steps: { index: number; step: DeliveryStep }[] = [];
    msgs.forEach((msg, index) => {
      const parsed = parse(msg);
      if ('term' in parsed) dispositions[index] = { kind: 'term', reason: parsed.term };
      else steps.push({ index, step: parsed.step });
    });
    if (steps.length === 0) return dispositions;
    try {
      await deps.afterCommit(await deps.recordBatch(steps.map((s) => s.step)));
      return dispositions;
    } catch (error) {
      deps.log.warn({ err: error, events: steps.length }, 'delivery batch failed; applying its events one by one');
    }
    for (const { index, step } of steps) {
      try {
        await deps.afterCommit(await deps.recordBatch([step]));
      } catch (error) {
        deps.log.error({ err: error, seq: msgs[index]?.seq, subject: msgs[index]?.subject }, 'delivery event failed; delivered again later');
        dispositions[index] = { kind: 'redeliver', delayMs: 1_000, reason: 'handler_error' };
      }
    }
    return dispositions;
  };
}
