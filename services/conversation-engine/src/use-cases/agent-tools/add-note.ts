import type { Actor, MessageView } from '@app/contracts';
import { lockConversationByStudent } from '../../db/repositories/conversations.repository';
import { insertMessage } from '../../db/repositories/messages.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { NOTE_STATUS, NOTE_TYPE } from '../../domain/notes';
import type { Changes, Committed } from '../shared/changes';
import { messageView, type SupportDeps } from '../shared/support-transaction';

export interface AddNoteRequest {
  actor: Actor;
  /** Phone digits or business-scoped user id. */
  student: string;
  text: string;
  correlationId: string;
}

/**
 * A private note of the team in the student's thread, on any conversation whatever its chat's state. Written
 * under the conversation's lock like every message, so it takes its place in the history's order; and only
 * that: no outbox row (nothing reaches WhatsApp), the conversation row untouched (its last message, the
 * 24-hour window and the unread count are the student's and the sent messages'), the chat's first response
 * not recorded. The live event is message.created, which consoles already show in the thread.
 */
export async function addNote(deps: SupportDeps, request: AddNoteRequest): Promise<Committed<{ message: MessageView }>> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await lockConversationByStudent(trx, request.student);
    if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
    const id = deps.newId();
    await insertMessage(trx, {
      id,
      conversation_id: conversation.id,
      direction: 'outbound',
      author: 'agent',
      type: NOTE_TYPE,
      text: request.text,
      content: JSON.stringify({ kind: NOTE_TYPE, body: request.text }),
      status: NOTE_STATUS,
      agent_id: request.actor.id,
      agent_name: request.actor.name,
      correlation_id: request.correlationId,
      created_at: now,
      updated_at: now,
    });
    // outboxTaken empty: nothing was written for the relay, so it is not woken.
    const changes: Changes = { messagesCreated: [id], messagesStatus: [], conversations: [], queueChanged: false, outboxTaken: [] };
    return { outcome: { message: await messageView(trx, id) }, changes };
  });
}
