import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** Error code 0: no Cloud API code, the failure is ours (the sender uses it the same way for jobs it refuses). */
const UNREADABLE_OUTBOX_ERROR = { code: 0, title: 'not sent: its outbox job could not be read (see parked events)' } as const;

/**
 * What admins see of outbox rows the relay could not read: a send's message failed (still queued, as nothing
 * was sent), a download's media failed (still pending). A mark-read has nothing to show: its row is only
 * completed, by the caller.
 */
export async function failUnreadableOutboxWork(db: Db, rows: readonly { kind: string; message_id: string }[], at: Date): Promise<void> {
  const sends = rows.filter((r) => r.kind === 'send').map((r) => r.message_id);
  const downloads = rows.filter((r) => r.kind === 'download_media').map((r) => r.message_id);
  if (sends.length > 0) {
    await db
      .updateTable('messages')
      .set({ status: 'failed', error: JSON.stringify(UNREADABLE_OUTBOX_ERROR), updated_at: at })
      .where('id', 'in', sends)
      .where('status', '=', 'queued')
      .execute();
  }
  if (downloads.length > 0) {
    await db
      .updateTable('message_media')
      .set({
        status: 'failed',
        failure_reason: 'invalid_job',
        failure_detail: 'the download job could not be read (see parked events)',
        updated_at: at,
      })
      .where('message_id', 'in', downloads)
      .where('status', '=', 'pending')
      .execute();
  }
}

/** Each conversation's student as parked events name them (studentKey): the business-scoped user id, else the phone. */
export async function studentKeysOf(db: Db, conversationIds: readonly string[]): Promise<Map<string, string | null>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'phone_number', 'user_id'])
    .where('id', 'in', [...new Set(conversationIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.user_id ?? r.phone_number]));
}
