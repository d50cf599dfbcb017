import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from '@app/db';
import { newBsuid, newPhone } from '@app/testing';
import type { EngineDatabase } from '../src/db/database';
import { findConversationViews } from '../src/db/repositories/conversation-views.repository';
import { findLiveViews } from '../src/db/repositories/live-views.repository';
import { findMessageViews } from '../src/db/repositories/message-views.repository';
import { toConversationView, toMessageView } from '../src/domain/views';
import { useEngineSchema } from './engine-schema';

describe('the live events views read in one round trip', () => {
  const engine = useEngineSchema();
  let db: Kysely<EngineDatabase>;
  beforeEach(() => {
    db = engine.db;
  });

  it('shows messages and conversations exactly as the two separate reads do', async () => {
    const conversationId = randomUUID();
    const [failed, queued, received] = [randomUUID(), randomUUID(), randomUUID()];
    await sql`insert into conversations (id, phone_number, user_id, username, profile_name, last_message_at, last_inbound_at, service_window_closed_at, last_message_preview)
      values (${conversationId}, ${newPhone()}, ${newBsuid()}, 'ada.l', 'Ada', now() - interval '1 minute', now() - interval '2 hours', now(), 'hi')`.execute(
      db,
    );
    await sql`insert into messages (id, conversation_id, direction, author, type, text, content, status, wamid, error, pricing_type, pricing_category, created_at)
      values (${failed}, ${conversationId}, 'outbound', 'agent', 'text', 'late', '{}', 'failed', 'wamid.F', '{"code": 131047, "title": "Re-engagement message"}', 'regular', 'service', now() - interval '3 minutes')`.execute(
      db,
    );
    await sql`insert into messages (id, conversation_id, direction, author, type, text, content, status, retry_reason, retry_code, retry_attempt, next_attempt_at)
      values (${queued}, ${conversationId}, 'outbound', 'bot', 'text', 'menu', '{}', 'queued', 'pair_rate_limit', 131056, 2, now() + interval '16 seconds')`.execute(
      db,
    );
    await sql`insert into messages (id, conversation_id, direction, author, type, text, content, status, wamid)
      values (${received}, ${conversationId}, 'inbound', 'student', 'text', 'hi', '{}', 'received', 'wamid.R')`.execute(db);
    const ids = [failed, queued, received];

    const live = await findLiveViews(db, ids, [conversationId]);
    expect(live.messages.map(toMessageView)).toEqual((await findMessageViews(db, ids)).map(toMessageView));
    expect(live.conversations.map(toConversationView)).toEqual((await findConversationViews(db, [conversationId])).map(toConversationView));
    expect(live.conversations.map(toConversationView)[0]).toMatchObject({ unread_count: 1, username: 'ada.l' });
    expect(live.messages.map((m) => m.id)).toEqual(ids);
  });
});
