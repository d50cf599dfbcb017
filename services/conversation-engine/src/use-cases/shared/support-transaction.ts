import type { ConversationView, MessageView, OutboundMessageInput } from '@app/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { loadBotContentRows } from '../../db/repositories/bot-content.repository';
import { findConversationViews } from '../../db/repositories/conversation-views.repository';
import { lockConversationByStudent, updateConversation } from '../../db/repositories/conversations.repository';
import { findMessageViews } from '../../db/repositories/message-views.repository';
import { findOpenChat, type OpenChatRow } from '../../db/repositories/support-chats.repository';
import { buildBotContent, type BotContent } from '../../domain/bot';
import { EngineCommandError } from '../../domain/engine-error';
import type { Agent, OpenChat } from '../../domain/support/lifecycle';
import { toConversationView, toMessageView } from '../../domain/views';
import { writeOutboundMessage } from './write-outbound-message';

// What the admin commands share: the student's conversation locked for the transaction (the same lock the
// student's own messages take, so a command and a message never interleave), their open chat, and the
// messages written to them.

export interface SupportDeps {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  newId: () => string;
}

export type Trx = Transaction<EngineDatabase>;

/** `student`: phone digits or business-scoped user id, as the request named them. */
export async function lockSupportConversation(trx: Trx, student: string) {
  const conversation = await lockConversationByStudent(trx, student);
  if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
  const chat = await findOpenChat(trx, conversation.id);
  return { conversation, chat };
}

export function openChatOf(chat: OpenChatRow | undefined): OpenChat | null {
  if (!chat) return null;
  const assignedTo = chat.assigned_admin_id
    ? { id: chat.assigned_admin_id, name: chat.assigned_admin_name ?? chat.assigned_admin_id }
    : null;
  return { status: chat.status, assignedTo };
}

export async function loadContent(db: Trx | Kysely<EngineDatabase>): Promise<BotContent> {
  return buildBotContent(await loadBotContentRows(db));
}

/** Messages to one student inside the transaction, in the order written; the preview follows the last one. */
export function outgoing(
  trx: Trx,
  conversation: { id: string; phone_number: string | null; user_id: string | null },
  opts: { now: Date; newId: () => string; correlationId: string },
) {
  const written: string[] = [];
  let preview: string | undefined;
  return {
    written,
    async write(message: OutboundMessageInput, author: 'bot' | 'agent' | 'system', agent?: Agent): Promise<string> {
      const result = await writeOutboundMessage(trx, {
        id: opts.newId(),
        conversationId: conversation.id,
        student: { phone: conversation.phone_number, userId: conversation.user_id },
        message,
        author,
        correlationId: opts.correlationId,
        ...(agent ? { agent } : {}),
        now: opts.now,
      });
      written.push(result.id);
      preview = result.preview;
      return result.id;
    },
    /** Moves the conversation's last message to what was written, if anything was. */
    async touchConversation() {
      if (preview === undefined) return;
      await updateConversation(trx, conversation.id, { last_message_at: opts.now, last_message_preview: preview.slice(0, 200) });
    },
  };
}

export async function conversationView(db: Trx | Kysely<EngineDatabase>, conversationId: string): Promise<ConversationView> {
  const [row] = await findConversationViews(db, [conversationId]);
  if (!row) throw new Error(`conversation ${conversationId} vanished`);
  return toConversationView(row);
}

export async function messageView(trx: Trx, id: string): Promise<MessageView> {
  const [row] = await findMessageViews(trx, [id]);
  if (!row) throw new Error(`message ${id} vanished`);
  return toMessageView(row);
}
