import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, sql, type Kysely } from '@app/db';
import { newBsuid, newPhone } from '@app/testing';
import type { EngineDatabase } from '../src/db/database';
import { migrations } from '../src/db/migrations';
import { findConversationByStudent } from '../src/db/repositories/conversations.repository';
import { findConversationViews } from '../src/db/repositories/conversation-views.repository';
import { toConversationView } from '../src/domain/views';
import { migrationsBefore, useEngineSchema } from './engine-schema';

const USER_ID = '2026_12_05_0600_add_conversation_user_id';

describe('the migration adding business-scoped user ids to conversations', () => {
  const engine = useEngineSchema(migrationsBefore(USER_ID));
  let db: Kysely<EngineDatabase>;
  beforeEach(() => {
    db = engine.db;
  });

  it('keeps every conversation made before it, with its history, profile and phone, found by that phone', async () => {
    const phone = newPhone();
    const conversationId = randomUUID();
    const messageId = randomUUID();
    await sql`insert into conversations (id, phone_number, profile_name, bot_state, support_status, last_message_at, last_message_preview)
      values (${conversationId}, ${phone}, 'Ada', '{"step":"menu"}', 'waiting', now(), 'support')`.execute(db);
    await sql`insert into students (conversation_id, name, email, class_name) values (${conversationId}, 'Ada Lovelace', 'ada@example.com', 'Grade 9')`.execute(
      db,
    );
    await sql`insert into messages (id, conversation_id, direction, author, type, text, content, status, wamid)
      values (${messageId}, ${conversationId}, 'inbound', 'student', 'text', 'support', '{}', 'received', 'wamid.OLD')`.execute(db);
    await sql`insert into support_chats (conversation_id, status, requested_at, requested_by) values (${conversationId}, 'waiting', now(), 'student')`.execute(
      db,
    );

    await migrateToLatest(db, engine.name, migrations);

    expect(await findConversationByStudent(db, phone)).toMatchObject({
      id: conversationId,
      phone_number: phone,
      user_id: null,
      username: null,
      profile_name: 'Ada',
    });
    const [view] = (await findConversationViews(db, [conversationId])).map(toConversationView);
    expect(view).toMatchObject({
      phone_number: phone,
      user_id: null,
      username: null,
      student_name: 'Ada Lovelace',
      support_status: 'waiting',
      last_message: 'support',
    });
    expect(await db.selectFrom('messages').select(['id', 'conversation_id']).execute()).toEqual([
      { id: messageId, conversation_id: conversationId },
    ]);
    expect(await db.selectFrom('support_chats').select('conversation_id').execute()).toEqual([{ conversation_id: conversationId }]);
  });

  it('then takes a conversation known only by user id, refuses one named by nothing, and keeps both ids unique', async () => {
    await migrateToLatest(db, engine.name, migrations);
    const userId = newBsuid();
    const phone = newPhone();
    await db.insertInto('conversations').values({ user_id: userId, username: 'ada.l', bot_state: '{}' }).execute();
    await db.insertInto('conversations').values({ phone_number: phone, bot_state: '{}' }).execute();
    expect(await findConversationByStudent(db, userId)).toMatchObject({ user_id: userId, phone_number: null, username: 'ada.l' });

    await expect(db.insertInto('conversations').values({ bot_state: '{}' }).execute()).rejects.toThrow(/conversations_student_id/);
    await expect(db.insertInto('conversations').values({ user_id: userId, bot_state: '{}' }).execute()).rejects.toThrow(/unique/);
    await expect(db.insertInto('conversations').values({ phone_number: phone, bot_state: '{}' }).execute()).rejects.toThrow(/unique/);
  });
});
