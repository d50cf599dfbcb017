import type { MarkReadJob } from '@app/contracts';

/** Meta's mark-as-read body: it goes to the same /messages endpoint, without `to` or `type`. */
export interface CloudApiReadBody {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
}

export function buildReadBody(job: MarkReadJob): CloudApiReadBody {
  return {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: job.wamid,
    ...(job.typingIndicator ? { typing_indicator: { type: 'text' } } : {}),
  };
}
