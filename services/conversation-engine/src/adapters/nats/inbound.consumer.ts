import { inboundMessageReceivedV1, inboundStatusReceivedV1 } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { Disposition, JsMsg, MessageHandler } from '@app/messaging';
import type { ApplyStatusResult } from '../../use-cases/apply-delivery-status';
import { noChanges, type Changes } from '../../use-cases/changes';
import type { ProcessInboundResult } from '../../use-cases/process-inbound-message';
import type { InboundMessageReceivedV1, InboundStatusReceivedV1 } from '@app/contracts';

export interface InboundConsumerDeps {
  processMessage: (event: InboundMessageReceivedV1) => Promise<ProcessInboundResult>;
  applyStatus: (event: InboundStatusReceivedV1) => Promise<ApplyStatusResult>;
  /** After the transaction committed and before the ack (relay kick, live events; tests inject crashes). */
  afterCommit: (info: { eventId: string; kind: 'message' | 'status'; changes: Changes }) => Promise<void>;
  /** Each event handled and about to be acked, with what came of it (metrics). */
  onHandled?: (kind: 'message' | 'status', outcome: ProcessInboundResult['outcome'] | ApplyStatusResult['outcome']) => void;
  log: Logger;
}

function readJson(msg: JsMsg): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: msg.json() };
  } catch {
    return { ok: false };
  }
}

/** Errors that no retry can fix: terminate the message (logged with its id for a manual replay). */
function isPermanent(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'invalid_outbound_message';
}

export function inboundHandler(deps: InboundConsumerDeps): MessageHandler {
  return async (msg): Promise<Disposition> => {
    const kind = msg.subject.endsWith('.message') ? 'message' : msg.subject.endsWith('.status') ? 'status' : undefined;
    const body = readJson(msg);
    if (!kind || !body.ok) {
      deps.log.warn({ subject: msg.subject, seq: msg.seq }, 'inbound event rejected: unknown subject or not JSON');
      return { kind: 'term', reason: 'unreadable event' };
    }
    try {
      if (kind === 'message') {
        const parsed = inboundMessageReceivedV1.safeParse(body.value);
        if (!parsed.success) {
          deps.log.warn({ seq: msg.seq, issues: parsed.error.issues.slice(0, 3) }, 'inbound message rejected: invalid event');
          return { kind: 'term', reason: 'invalid inbound message event' };
        }
        const log = deps.log.child({ correlationId: parsed.data.correlationId, waMessageId: parsed.data.id });
        const result = await deps.processMessage(parsed.data);
        if (result.outcome === 'duplicate') log.info('inbound message already processed');
        else log.info({ conversationId: result.conversationId, replies: result.replies.length }, 'inbound message stored');
        await deps.afterCommit({ eventId: parsed.data.id, kind, changes: result.outcome === 'processed' ? result.changes : noChanges() });
        deps.onHandled?.(kind, result.outcome);
        return { kind: 'ack' };
      }
      const parsed = inboundStatusReceivedV1.safeParse(body.value);
      if (!parsed.success) {
        deps.log.warn({ seq: msg.seq, issues: parsed.error.issues.slice(0, 3) }, 'status rejected: invalid event');
        return { kind: 'term', reason: 'invalid status event' };
      }
      const result = await deps.applyStatus(parsed.data);
      deps.log.debug({ correlationId: parsed.data.correlationId, eventId: parsed.data.id, outcome: result.outcome }, 'status handled');
      const changed = result.outcome === 'applied' && result.messageId ? [result.messageId] : [];
      const windowClosed = result.outcome !== 'duplicate' && result.windowClosed ? [result.windowClosed] : [];
      await deps.afterCommit({ eventId: parsed.data.id, kind, changes: { ...noChanges(), messagesStatus: changed, conversations: windowClosed } });
      deps.onHandled?.(kind, result.outcome);
      return { kind: 'ack' };
    } catch (error) {
      if (isPermanent(error)) {
        deps.log.error({ err: error, seq: msg.seq, subject: msg.subject }, 'inbound event cannot be processed; terminated');
        return { kind: 'term', reason: 'permanent processing error' };
      }
      throw error;
    }
  };
}
