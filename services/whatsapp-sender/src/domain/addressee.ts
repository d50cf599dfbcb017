import type { SendMessageJob } from '@app/contracts';

/**
 * Who a send goes to, as Meta takes it: `to` (the phone) or, for a student who withholds their number, the
 * top-level `recipient` (their business-scoped user id). Never both: the phone, when known, is what the
 * student was reachable by before BSUIDs existed.
 */
export type Addressee = { to: string } | { recipient: string };

/** The job's addressee; the job schema refuses a job that names neither. */
export function addresseeOf(job: Pick<SendMessageJob, 'to' | 'recipient'>): Addressee {
  if (job.to !== undefined) return { to: job.to };
  if (job.recipient !== undefined) return { recipient: job.recipient };
  throw new Error('a send job names neither to nor recipient');
}

/** The student a job is for, as logs and the dead-letter view name them: the phone, else the BSUID. */
export const jobRecipient = (job: Pick<SendMessageJob, 'to' | 'recipient'>): string | null => job.to ?? job.recipient ?? null;
