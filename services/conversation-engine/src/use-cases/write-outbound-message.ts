import { outboundMessagePreview, outboundMessageSchema, type OutboundMessageInput, type SendMessageJob } from '@app/contracts';
import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../adapters/db/database';
import { insertMessage } from '../adapters/db/messages.repository';
import { insertOutbox } from '../adapters/db/outbox.repository';

export class InvalidOutboundMessageError extends Error {
  override name = 'InvalidOutboundMessageError';
  readonly code = 'invalid_outbound_message' as const;
}

/**
 * Stores an outbound message in the history and its send job in the outbox, inside the caller's
 * transaction. Every WhatsApp limit is checked here: a message Meta would refuse is a bug, and it fails the
 * transaction instead of reaching the queue.
 */
export async function writeOutboundMessage(
  trx: Transaction<EngineDatabase>,
  input: {
    id: string;
    conversationId: string;
    to: string;
    message: OutboundMessageInput;
    author: 'bot' | 'agent' | 'system';
    correlationId: string;
    agent?: { id: string; name: string };
    now: Date;
  },
): Promise<{ id: string; preview: string }> {
  const parsed = outboundMessageSchema.safeParse(input.message);
  if (!parsed.success) {
    throw new InvalidOutboundMessageError(`outbound ${input.message.kind} breaks WhatsApp limits: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const message = parsed.data;
  const preview = outboundMessagePreview(message);
  await insertMessage(trx, {
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
  });
  const job: SendMessageJob = { version: 1, messageId: input.id, to: input.to, message, correlationId: input.correlationId };
  await insertOutbox(trx, { id: input.id, messageId: input.id, conversationId: input.conversationId, job: { kind: 'send', data: job } });
  return { id: input.id, preview };
}
