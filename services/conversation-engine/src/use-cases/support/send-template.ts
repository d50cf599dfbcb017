import type { Actor, MessageView } from '@app/contracts';
import { findIdempotentMessageId, lockIdempotencyKey, saveIdempotencyKey } from '../../db/repositories/idempotency.repository';
import { findStudent } from '../../db/repositories/students.repository';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../domain/support/idempotency';
import { reengagementMessage, type ReengagementTemplate } from '../../domain/support/reengagement';
import { noChanges, type Changes, type Committed } from '../shared/changes';
import { lockSupportConversation, messageView, outgoing, type SupportDeps } from '../shared/support-transaction';

export interface SendTemplateRequest {
  actor: Actor;
  /** Phone digits or business-scoped user id. */
  student: string;
  idempotency_key: string;
  correlationId: string;
}

/**
 * An admin reaches out to a student whose 24-hour window has closed (or who never wrote): the approved
 * re-engagement template, stored as the admin's message and queued in the student's order. It is the one
 * kind WhatsApp delivers outside the window, so the window is not checked, and it is allowed for any
 * conversation, in a support chat or not, like chat.start: reaching out is what it is for. It changes no
 * support chat (the student's answer reopens the window; the admin then starts or answers the chat). A
 * repeated idempotency key within 24 hours answers the first message and queues nothing.
 */
export async function sendTemplate(
  deps: SupportDeps & { template: ReengagementTemplate },
  request: SendTemplateRequest,
): Promise<Committed<{ message: MessageView }>> {
  const now = deps.now();
  const agent = { id: request.actor.id, name: request.actor.name };
  const key = request.idempotency_key;
  return deps.db.transaction().execute(async (trx) => {
    await lockIdempotencyKey(trx, key);
    const earlier = await findIdempotentMessageId(trx, key, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS));
    if (earlier) return { outcome: { message: await messageView(trx, earlier) }, changes: noChanges() };

    const { conversation } = await lockSupportConversation(trx, request.student);
    const student = await findStudent(trx, conversation.id);
    const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: request.correlationId });
    const messageId = await out.write(
      reengagementMessage(deps.template, { name: student?.name ?? conversation.profile_name }),
      'agent',
      agent,
    );
    await saveIdempotencyKey(trx, key, messageId, now);
    await out.touchConversation();

    const changes: Changes = { messagesCreated: out.written, messagesStatus: [], conversations: [conversation.id], queueChanged: false };
    return { outcome: { message: await messageView(trx, messageId) }, changes };
  });
}
