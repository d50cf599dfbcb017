import { markReadJobSchema } from '@app/contracts';
import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { insertOutbox } from '../../db/repositories/outbox.repository';
import { studentLabel } from '../../domain/student';

/**
 * Writes a mark-as-read of the student's message `wamid` to the outbox, in the caller's transaction (under
 * the conversation's lock, so it takes its place in the student's order): kind `mark_read` when an admin
 * opens the conversation, `typing` for the indicator while an admin types. False when the row was not
 * written (one of that kind for that message is already there).
 */
export async function queueMarkRead(
  trx: Transaction<EngineDatabase>,
  input: {
    kind: 'mark_read' | 'typing';
    conversation: { id: string; phone_number: string | null; user_id: string | null };
    target: { messageId: string; wamid: string };
    typingIndicator: boolean;
    correlationId: string;
    newId: () => string;
  },
): Promise<boolean> {
  const requestId = input.newId();
  const data = markReadJobSchema.parse({
    version: 1,
    requestId,
    // Only a label (the dead-letter view): Meta marks a message read by its wamid alone.
    to: studentLabel({ phone: input.conversation.phone_number, userId: input.conversation.user_id }),
    wamid: input.target.wamid,
    typingIndicator: input.typingIndicator,
    correlationId: input.correlationId,
  });
  return insertOutbox(trx, {
    id: requestId,
    messageId: input.target.messageId,
    conversationId: input.conversation.id,
    job: { kind: input.kind, data },
  });
}
