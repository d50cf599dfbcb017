import { MAX_LABELS_PER_CONVERSATION, type Actor, type ConversationView } from '@app/contracts';
import { lockConversationByStudent } from '../../db/repositories/conversations.repository';
import { addConversationLabel, countConversationLabels, findLabel, removeConversationLabel } from '../../db/repositories/labels.repository';
import { EngineCommandError } from '../../domain/engine-error';
import type { Changes, Committed } from '../shared/changes';
import { conversationView, type SupportDeps } from '../shared/support-transaction';

export interface LabelConversationRequest {
  actor: Actor;
  student: string;
  label_id: string;
  /** add: put the label on; remove: take it off. Either is a no-op (and publishes nothing) when already so. */
  action: 'add' | 'remove';
}

/**
 * Puts a label on the student's conversation or takes it off, under the conversation's lock (a label change
 * and a student's message never interleave their views). not_found for an unknown student or label.
 */
export async function labelConversation(
  deps: SupportDeps,
  request: LabelConversationRequest,
): Promise<Committed<{ conversation: ConversationView }>> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const conversation = await lockConversationByStudent(trx, request.student);
    if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
    if (!(await findLabel(trx, request.label_id))) throw new EngineCommandError('not_found', 'no label with this id');
    let changed: boolean;
    if (request.action === 'add') {
      if ((await countConversationLabels(trx, conversation.id)) >= MAX_LABELS_PER_CONVERSATION) {
        throw new EngineCommandError('invalid_request', `a conversation carries at most ${MAX_LABELS_PER_CONVERSATION} labels`);
      }
      changed = await addConversationLabel(trx, {
        conversationId: conversation.id,
        labelId: request.label_id,
        addedBy: request.actor.id,
        at: now,
      });
    } else {
      changed = await removeConversationLabel(trx, conversation.id, request.label_id);
    }
    const changes: Changes = {
      messagesCreated: [],
      messagesStatus: [],
      conversations: changed ? [conversation.id] : [],
      queueChanged: false,
      outboxTaken: [],
    };
    return { outcome: { conversation: await conversationView(trx, conversation.id) }, changes };
  });
}
