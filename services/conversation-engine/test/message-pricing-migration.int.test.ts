import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, dropSchema, migrateToLatest, sql, type Kysely } from '@app/db';
import { newNamespace, newPhone, testInfra } from '@app/testing';
import { engineSchema } from '../src/config';
import type { EngineDatabase } from '../src/adapters/db/database';
import { migrations } from '../src/db/migrations';
import { billableCountsSince } from '../src/adapters/db/message-pricing.repository';
import { findMessageViews } from '../src/adapters/db/message-views.repository';
import { toMessageView } from '../src/domain/views';

const PRICING = '2026_12_04_0800_add_message_pricing';
const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < PRICING));

describe('the migration adding per-message pricing', () => {
  let schema: string;
  let db: Kysely<EngineDatabase>;
  beforeEach(async () => {
    schema = engineSchema(newNamespace());
    db = createDb<EngineDatabase>({ url: testInfra.databaseUrl, schema, max: 2 });
    await migrateToLatest(db, schema, before);
  });
  afterEach(async () => {
    await dropSchema(db, schema);
    await db.destroy();
  });

  it('leaves existing messages and pending statuses unpriced, and counts none of them billable', async () => {
    const conversationId = randomUUID();
    const messageId = randomUUID();
    await sql`insert into conversations (id, phone_number) values (${conversationId}, ${newPhone()})`.execute(db);
    await sql`insert into messages (id, conversation_id, direction, author, type, text, content, status, wamid) values (${messageId}, ${conversationId}, 'outbound', 'bot', 'text', 'hi', '{}', 'delivered', 'wamid.OLD')`.execute(db);
    await sql`insert into pending_statuses (wamid, status) values ('wamid.ELSE', 'read')`.execute(db);

    await migrateToLatest(db, schema, migrations);

    const [view] = (await findMessageViews(db, [messageId])).map(toMessageView);
    expect(view).toMatchObject({ id: messageId, status: 'delivered', text: 'hi', pricing: null });
    expect(await db.selectFrom('pending_statuses').select(['wamid', 'pricing']).execute()).toEqual([{ wamid: 'wamid.ELSE', pricing: null }]);
    expect(await billableCountsSince(db, new Date(0))).toEqual([]);
  });
});
