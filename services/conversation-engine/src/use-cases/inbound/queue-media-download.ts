import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { insertMessageMedia } from '../../db/repositories/message-media.repository';
import { insertOutbox } from '../../db/repositories/outbox.repository';
import { planMediaDownload } from '../../domain/media';
import type { InboundInput } from '../../domain/inbound-input';

/**
 * Inside the inbound message's transaction: keeps what the webhook said of its file and writes the download
 * job to the outbox, so the download is asked for exactly when the message is stored, never lost and never
 * twice (one download row per message; the queue's job id is the media id's). The relay sends it at once,
 * outside the student's send order.
 */
export async function queueMediaDownload(
  trx: Transaction<EngineDatabase>,
  input: {
    input: InboundInput;
    messageId: string;
    conversationId: string;
    wamid: string;
    phone: string | null;
    correlationId: string;
    newId: () => string;
  },
): Promise<void> {
  const plan = planMediaDownload(input.input, { wamid: input.wamid, from: input.phone, correlationId: input.correlationId });
  if (!plan) return;
  const row = { messageId: input.messageId, conversationId: input.conversationId, record: plan.record };
  if (plan.kind === 'invalid') {
    await insertMessageMedia(trx, { ...row, failed: { reason: 'invalid_job', detail: plan.detail } });
    return;
  }
  await insertMessageMedia(trx, row);
  await insertOutbox(trx, {
    id: input.newId(),
    messageId: input.messageId,
    conversationId: input.conversationId,
    job: { kind: 'download_media', data: plan.job },
  });
}
