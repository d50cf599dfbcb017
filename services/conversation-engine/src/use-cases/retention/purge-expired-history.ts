import type { MediaStore } from '@app/media-store';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import {
  deleteHistories,
  lockDueConversations,
  mediaOfConversations,
  readRetentionSettings,
  recordRetentionRun,
} from '../../db/repositories/retention.repository';

export interface PurgeDeps {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  mediaStore: Pick<MediaStore, 'delete'>;
}

export interface PurgeLimits {
  /** Conversations per transaction. */
  batch: number;
  /** Transactions per run: a large backlog (retention just turned on) is worked off over several runs. */
  maxBatches: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often each replica runs retention, the first time one interval after start (housekeeping, never urgent). */
export const RETENTION_INTERVAL_MS = 10 * 60_000;
const ZERO = { conversations: 0, messages: 0, media: 0 };

/**
 * One retention run: while retention is on, deletes the messages and media of conversations idle for longer
 * than the period, a batch of conversations per transaction, oldest activity first, reading only due ones
 * (a partial index). The conversation and the student's profile and consent stay: the school still knows who
 * the student is (no second registration, the consent record kept as evidence), and erasing the person is a
 * separate, deliberate act. The media store objects are deleted before the rows, inside the transaction: if
 * the commit then fails, the conversation is still due and the next run finishes (deleting a missing object
 * is not an error), so no file outlives its rows. Batches are small, and files go a few at a time side by
 * side, because the batch holds its conversations' locks meanwhile: a student of one of them writing just then
 * waits that long.
 */
export async function purgeExpiredHistory(deps: PurgeDeps, limits: PurgeLimits = { batch: 20, maxBatches: 50 }) {
  const settings = await readRetentionSettings(deps.db);
  if (!settings.enabled) return { ...ZERO };
  const now = deps.now();
  const cutoff = new Date(now.getTime() - settings.days * DAY_MS);
  const total = { ...ZERO };
  for (let i = 0; i < limits.maxBatches; i++) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const ids = await lockDueConversations(trx, cutoff, limits.batch);
      if (ids.length === 0) return { ...ZERO };
      const media = await mediaOfConversations(trx, ids);
      await deleteObjects(
        deps.mediaStore,
        media.flatMap((m) => (m.storage_key ? [m.storage_key] : [])),
      );
      const messages = await deleteHistories(trx, ids, now);
      return { conversations: ids.length, messages, media: media.length };
    });
    total.conversations += done.conversations;
    total.messages += done.messages;
    total.media += done.media;
    if (done.conversations < limits.batch) break;
  }
  await recordRetentionRun(deps.db, now, total);
  return total;
}

const DELETES_AT_ONCE = 8;

async function deleteObjects(store: Pick<MediaStore, 'delete'>, keys: readonly string[]) {
  for (let i = 0; i < keys.length; i += DELETES_AT_ONCE)
    await Promise.all(keys.slice(i, i + DELETES_AT_ONCE).map((key) => store.delete(key)));
}
