import {
  describeIssues,
  outboundMessagePreview,
  outboundMessageSchema,
  type OutboundMessageInput,
  type SendMessageJob,
} from '@app/contracts';
import type { Insertable, Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import type { MessagesTable } from '../../db/tables/conversation-tables';
import { insertMessage } from '../../db/repositories/messages.repository';
import { insertOutbox } from '../../db/repositories/outbox.repository';
import { PermanentError } from '../../domain/engine-error';
import { sendTarget, type StudentIds } from '../../domain/student';

/** A message Meta would refuse: a bug in what wrote it, so retrying the event cannot help. */
class InvalidOutboundMessageError extends PermanentError {
  override name = 'InvalidOutboundMessageError';
  readonly code = 'invalid_outbound_message' as const;
}

export interface OutboundMessageDraft {
  id: string;
  conversationId: string;
  /** The conversation's ids: the job goes `to` the phone when known, else to the BSUID (`recipient`). */
  student: StudentIds;
  message: OutboundMessageInput;
  author: 'bot' | 'agent' | 'system';
  correlationId: string;
  agent?: { id: string; name: string };
  now: Date;
}

/**
 * An outbound message as its history row and its send job. Every WhatsApp limit is checked here: a message
 * Meta would refuse is a bug, and it fails the transaction instead of reaching the queue.
 */
export function prepareOutboundMessage(input: OutboundMessageDraft): {
  row: Insertable<MessagesTable>;
  job: SendMessageJob;
  preview: string;
} {
  const parsed = outboundMessageSchema.safeParse(input.message);
  if (!parsed.success) {
    throw new InvalidOutboundMessageError(`outbound ${input.message.kind} breaks WhatsApp limits: ${describeIssues(parsed.error, '')}`);
  }
  const message = parsed.data;
  const preview = outboundMessagePreview(message);
  const row: Insertable<MessagesTable> = {
    id: input.id,
    conversation_id: input.conversationId,
    direction: 'outbound',
    author: input.author,
    type: message.kind,
    text: preview,
    content: JSON.stringify(message),
    wamid: null,
    status: 'queued',
    error: null,
    agent_id: input.agent?.id ?? null,
    agent_name: input.agent?.name ?? null,
    correlation_id: input.correlationId,
    created_at: input.now,
  };
  return {
    row,
    job: { version: 1, messageId: input.id, ...sendTarget(input.student), message, correlationId: input.correlationId },
    preview,
  };
}

/** Stores an outbound message in the history and its send job in the outbox, inside the caller's transaction. */
export async function writeOutboundMessage(
  trx: Transaction<EngineDatabase>,
  input: OutboundMessageDraft,
): Promise<{ id: string; preview: string }> {
  const { row, job, preview } = prepareOutboundMessage(input);
  await insertMessage(trx, row);
  await insertOutbox(trx, { id: input.id, messageId: input.id, conversationId: input.conversationId, job: { kind: 'send', data: job } });
  return { id: input.id, preview };
}
