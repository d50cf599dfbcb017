import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, sql, type Kysely } from '@app/db';
import { newPhone } from '@app/testing';
import type { EngineDatabase } from '../src/db/database';
import { migrations } from '../src/db/migrations';
import { billableCountsSince } from '../src/db/repositories/message-pricing.repository';
import { findMessageViews } from '../src/db/repositories/message-views.repository';
import { toMessageView } from '../src/domain/views';
import { migrationsBefore, useEngineSchema } from './engine-schema';

const PRICING = '2026_12_04_0800_add_message_pricing';

describe('the migration adding per-message pricing', () => {
  const engine = useEngineSchema(migrationsBefore(PRICING));
  let db: Kysely<EngineDatabase>;
  beforeEach(() => {
    db = engine.db;
  });

  it('leaves existing messages and pending statuses unpriced, and counts none of them billable', async () => {
    const conversationId = randomUUID();
    const messageId = randomUUID();
    await sql`insert into conversations (id, phone_number) values (${conversationId}, ${newPhone()})`.execute(db);
    await sql`insert into messages (id, conversation_id, direction, author, type, text, content, status, wamid) values (${messageId}, ${conversationId}, 'outbound', 'bot', 'text', 'hi', '{}', 'delivered', 'wamid.OLD')`.execute(
      db,
    );
    await sql`insert into pending_statuses (wamid, status) values ('wamid.ELSE', 'read')`.execute(db);

    await migrateToLatest(db, engine.name, migrations);

    const [view] = (await findMessageViews(db, [messageId])).map(toMessageView);
    expect(view).toMatchObject({ id: messageId, status: 'delivered', text: 'hi', pricing: null });
    expect(await db.selectFrom('pending_statuses').select(['wamid', 'pricing']).execute()).toEqual([
      { wamid: 'wamid.ELSE', pricing: null },
    ]);
    expect(await billableCountsSince(db, new Date(0))).toEqual([]);
  });
});
