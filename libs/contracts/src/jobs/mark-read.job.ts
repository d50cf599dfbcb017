import { z } from 'zod';
import { studentIdSchema } from '../whatsapp/student-id';

/**
 * BullMQ job data of WIRE.jobs.markRead, on the outbound queue next to the send jobs; job id =
 * requestId (the outbox row's id). The sender POSTs Meta's mark-as-read body:
 *   {messaging_product: "whatsapp", status: "read", message_id: wamid, typing_indicator?: {type: "text"}}
 * Meta marks every earlier message of the chat read too. The typing indicator shows until our next message
 * to the student or for 25 s, so the producer queues this job in the student's order, before the reply.
 * Its outcome is an outbound-read-result.v1 event (the relay's "previous one has an outcome").
 */
export const markReadJobSchema = z.object({
  version: z.literal(1),
  requestId: z.uuid(),
  /** The student (phone or BSUID). Not sent to Meta: it names the student in the dead-letter view. */
  to: studentIdSchema,
  /** The inbound message to mark read. */
  wamid: z.string().min(1).max(256),
  typingIndicator: z.boolean().default(false),
  correlationId: z.string().min(1).max(128),
});
export type MarkReadJob = z.infer<typeof markReadJobSchema>;
export type MarkReadJobInput = z.input<typeof markReadJobSchema>;
