import { Transaction, type Kysely } from 'kysely';
import type { Logger } from '@app/logging';
import type { EngineDatabase } from '../../db/database';
import { completeOutboxRows, type OutboxRow } from '../../db/repositories/outbox.repository';
import { parkEvent } from '../../db/repositories/parked-events.repository';
import { failUnreadableOutboxWork, studentKeysOf } from '../../db/repositories/unreadable-outbox.repository';

export interface ParkOutboxDeps {
  db: Kysely<EngineDatabase> | Transaction<EngineDatabase>;
  now: () => Date;
  newId: () => string;
  log?: Logger;
  onParked?: (source: 'outbox') => void;
}

export type UnreadableOutboxRow = OutboxRow & { error: string };

/**
 * Outbox rows whose job cannot be read (a bug, a manual edit, a row of an unknown version) must not hold up
 * the relay, which takes rows lowest seq first, nor the student's later messages, which wait for this one's
 * outcome. In one transaction (the caller's, when given one): each is parked where admins see it (source
 * outbox, no stream sequence; an admin discards it and resends from the conversation), its message or media
 * is marked failed, and the row is completed, which readies the conversation's next row. Nothing is queued:
 * the sender would only refuse what the engine itself cannot read.
 */
export async function parkUnreadableOutboxRows(deps: ParkOutboxDeps, rows: readonly UnreadableOutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const write = async (trx: Transaction<EngineDatabase>) => {
    const at = deps.now();
    const phones = await studentKeysOf(
      trx,
      rows.map((r) => r.conversation_id),
    );
    for (const row of rows) {
      await parkEvent(trx, {
        id: deps.newId(),
        source: 'outbox',
        subject: 'outbox',
        streamSeq: null,
        phoneNumber: phones.get(row.conversation_id) ?? null,
        payload: JSON.stringify({
          id: row.id,
          kind: row.kind,
          message_id: row.message_id,
          conversation_id: row.conversation_id,
          job: row.job,
        }),
        error: row.error,
        attempts: 1,
      });
    }
    await failUnreadableOutboxWork(trx, rows, at);
    await completeOutboxRows(trx, { ids: rows.map((r) => r.id) }, at);
  };
  if (deps.db instanceof Transaction) await write(deps.db);
  else await deps.db.transaction().execute(write);
  for (const row of rows) {
    deps.log?.error(
      { outboxId: row.id, kind: row.kind, messageId: row.message_id, conversationId: row.conversation_id, seq: row.seq, error: row.error },
      'outbox row unreadable: parked and failed, the relay moves on',
    );
    deps.onParked?.('outbox');
  }
}
