import { z } from 'zod';
import { waIdSchema } from '../whatsapp/webhook.schema';
import { outboundMessageSchema } from '../whatsapp/outbound-message.schema';

/** BullMQ job data of WIRE.jobs.sendMessage; the job id is the outbound message id (= outbox id). */
export const sendMessageJobSchema = z.object({
  version: z.literal(1),
  messageId: z.uuid(),
  to: waIdSchema,
  message: outboundMessageSchema,
  correlationId: z.string().min(1).max(128),
});
export type SendMessageJob = z.infer<typeof sendMessageJobSchema>;

/**
 * Options every producer of WIRE.jobs.sendMessage sets, next to jobId = messageId (a repeated add is then a
 * no-op). No `attempts`/`backoff`: the sender owns its retry policy (it reschedules a job itself from the
 * error class), so a producer cannot change how hard Meta is retried.
 */
export const SEND_JOB_OPTIONS = {
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
