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
import type { Disposition, MessageHandler } from '@app/messaging';
import type { z } from 'zod';
import { noChanges, type Changes } from '../../use-cases/changes';
import type { RecordMediaOutcome } from '../../use-cases/record-media-outcome';
import type { RecordReadResult } from '../../use-cases/record-read-result';
import type { RecordSendResult } from '../../use-cases/record-send-result';

export interface DeliveryConsumerDeps {
  names: Pick<SenderTopology, 'sendResultSubject' | 'readResultSubject' | 'mediaDownloadedSubject' | 'mediaDownloadFailedSubject'>;
  recordSendResult: (event: OutboundSendResultV1) => Promise<RecordSendResult>;
  recordReadResult: (event: OutboundReadResultV1) => Promise<RecordReadResult>;
  recordMediaOutcome: (event: MediaDownloadedV1 | MediaDownloadFailedV1) => Promise<RecordMediaOutcome>;
  /** After the commit: the relay may send the student's next message; admins hear of what changed. */
  afterCommit: (changes: Changes) => Promise<void>;
  log: Logger;
}

interface Envelope {
  id: string;
  correlationId: string;
}

/** One subject's event: parsed with its schema, then handled; says what its commit changed. */
type Route = (value: unknown) => { ok: false; issues: z.core.$ZodIssue[] } | { ok: true; event: Envelope; handle: (log: Logger) => Promise<Changes> };

function route<E extends Envelope>(schema: z.ZodType<E>, handle: (event: E, log: Logger) => Promise<Changes>): Route {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 3) };
    const event = parsed.data;
    return { ok: true, event, handle: (log) => handle(event, log) };
  };
}

function routes(deps: DeliveryConsumerDeps): Map<string, Route> {
  const sendResult = async (event: OutboundSendResultV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordSendResult(event);
    const { messageId } = event.data;
    if (result.outcome === 'unknown_message') log.warn({ messageId }, 'send result for an unknown message');
    else log.info({ messageId, outcome: result.outcome, result: event.data.outcome, windowClosed: result.windowClosed !== undefined }, 'send result recorded');
    return {
      ...noChanges(),
      messagesStatus: result.statusChanged ? [messageId] : [],
      conversations: result.windowClosed ? [result.windowClosed] : [],
      relay: result.released,
    };
  };
  const readResult = async (event: OutboundReadResultV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordReadResult(event);
    const fields = { requestId: event.data.requestId, outcome: result.outcome, result: event.data.outcome };
    if (event.data.outcome === 'failed') log.warn({ ...fields, error: event.data.error }, 'mark-as-read failed');
    else log.info(fields, 'read result recorded');
    return { ...noChanges(), relay: result.released };
  };
  const mediaOutcome = async (event: MediaDownloadedV1 | MediaDownloadFailedV1, log: Logger): Promise<Changes> => {
    const result = await deps.recordMediaOutcome(event);
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
 * is not JSON or an event that breaks its schema is terminated (logged), never retried. Each use case commits
 * once per event id; what it changed follows the commit (relay, live events) before the ack.
 */
export function deliveryHandler(deps: DeliveryConsumerDeps): MessageHandler {
  const bySubject = routes(deps);
  return async (msg): Promise<Disposition> => {
    const parse = bySubject.get(msg.subject);
    if (parse === undefined) {
      deps.log.warn({ subject: msg.subject, seq: msg.seq }, 'delivery event rejected: unknown subject');
      return { kind: 'term', reason: 'unknown subject' };
    }
    let value: unknown;
    try {
      value = msg.json();
    } catch {
      deps.log.warn({ subject: msg.subject, seq: msg.seq }, 'delivery event rejected: not JSON');
      return { kind: 'term', reason: 'not JSON' };
    }
    const parsed = parse(value);
    if (!parsed.ok) {
      deps.log.warn({ subject: msg.subject, seq: msg.seq, issues: parsed.issues }, 'delivery event rejected: invalid event');
      return { kind: 'term', reason: 'invalid delivery event' };
    }
    const log = deps.log.child({ correlationId: parsed.event.correlationId, eventId: parsed.event.id });
    await deps.afterCommit(await parsed.handle(log));
    return { kind: 'ack' };
  };
}
