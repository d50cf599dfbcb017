import type { Transaction } from 'kysely';
import type { MediaDownloadedV1, MediaDownloadFailedV1 } from '@app/contracts';
import type { EngineDatabase } from '../../db/database';
import { claimInboundEvent } from '../../db/repositories/inbound-dedupe.repository';
import { markMediaFailed, markMediaStored } from '../../db/repositories/message-media.repository';
import { completeDownloadsOf } from '../../db/repositories/outbox.repository';
import { noChanges, type Committed } from '../shared/changes';

/** The messages whose media changed are announced as message.status (changes.messagesStatus). */
export type RecordMediaOutcome = Committed<'duplicate' | 'unchanged' | 'recorded'>;

/**
 * whatsapp-sender's final word on one media download: stored (key, type, size, checked sha256) or failed
 * for good (expired, oversize, ...). Applied to every message that carried that media id, once per event;
 * the download's outbox row is done either way. The changed messages are announced to admins as
 * message.status events, so a console shows the file (or why there is none) without reloading.
 */
export async function recordMediaOutcome(
  trx: Transaction<EngineDatabase>,
  now: Date,
  event: MediaDownloadedV1 | MediaDownloadFailedV1,
): Promise<RecordMediaOutcome> {
  if (!(await claimInboundEvent(trx, event.id))) return { outcome: 'duplicate', changes: noChanges() };
  const { mediaId } = event.data;
  const messageIds =
    event.type === 'whatsapp.media.downloaded'
      ? await markMediaStored(trx, mediaId, {
          storageKey: event.data.storageKey,
          mimeType: event.data.mimeType,
          size: event.data.size,
          sha256: event.data.sha256,
        })
      : await markMediaFailed(trx, mediaId, { reason: event.data.reason, detail: event.data.detail });
  await completeDownloadsOf(trx, mediaId, now);
  return { outcome: messageIds.length > 0 ? 'recorded' : 'unchanged', changes: { ...noChanges(), messagesStatus: messageIds } };
}
