import { randomUUID } from 'node:crypto';
import { Migrator } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SendMessageJob } from '@app/contracts';
import { migrateToLatest, sql, type Kysely } from '@app/db';
import { newPhone } from '@app/testing';
import type { EngineDatabase } from '../src/db/database';
import { migrations } from '../src/db/migrations';
import type { OutboxJob } from '../src/domain/outbox-job';
import { readyWaitingOutbox, relayReadyOutbox } from '../src/use-cases/outbox/relay-ready-outbox';
import { migrationsUntil, useEngineSchema } from './engine-schema';

const BEFORE_KINDS = '2026_11_23_0600_create_support_chats';

describe('the outbox migration to job kinds', () => {
  const engine = useEngineSchema(migrationsUntil(BEFORE_KINDS));
  let db: Kysely<EngineDatabase>;
  beforeEach(() => {
    db = engine.db;
  });

  /** A send written the way the previous version writes it: no id, no kind. */
  async function legacySend(): Promise<string> {
    const phone = newPhone();
    const conversationId = randomUUID();
    const messageId = randomUUID();
    await sql`insert into conversations (id, phone_number) values (${conversationId}, ${phone})`.execute(db);
    await sql`insert into messages (id, conversation_id, direction, author, type, text, content, status) values (${messageId}, ${conversationId}, 'outbound', 'bot', 'text', 'hi', '{}', 'queued')`.execute(
      db,
    );
    const job: SendMessageJob = { version: 1, messageId, to: phone, message: { kind: 'text', body: 'hi' }, correlationId: 'legacy' };
    await sql`insert into outbox (message_id, conversation_id, job) values (${messageId}, ${conversationId}, ${JSON.stringify(job)})`.execute(
      db,
    );
    return messageId;
  }

  it('keeps existing rows as sends whose id is their message id, and still takes rows written the old way', async () => {
    const before = await legacySend();
    await migrateToLatest(db, engine.name, migrations);
    const during = await legacySend();

    const rows = await db.selectFrom('outbox').select(['id', 'kind', 'message_id']).orderBy('seq').execute();
    expect(rows[0]).toEqual({ id: before, kind: 'send', message_id: before });
    expect(rows[1]).toMatchObject({ kind: 'send', message_id: during });

    const relayed: OutboxJob[] = [];
    const relay = { db, enqueue: async (jobs: OutboxJob[]) => void relayed.push(...jobs), now: () => new Date() };
    // The migration readied the row it found; a row written the old way waits for the relay's periodic check.
    expect(await relayReadyOutbox(relay)).toBe(1);
    expect(await readyWaitingOutbox(relay)).toBe(1);
    expect(await relayReadyOutbox(relay)).toBe(1);
    expect(relayed.map((j) => [j.kind, j.kind === 'send' ? j.data.messageId : undefined])).toEqual([
      ['send', before],
      ['send', during],
    ]);
  });

  it('migrates back down, keeping the sends', async () => {
    const kept = await legacySend();
    await migrateToLatest(db, engine.name, migrations);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: engine.name });
    const { error } = await migrator.migrateTo(BEFORE_KINDS);
    expect(error).toBeUndefined();
    const rows = await sql<{ message_id: string }>`select message_id from outbox`.execute(db);
    expect(rows.rows).toEqual([{ message_id: kept }]);
  });
});
