import {
  downloadMediaJobSchema,
  markReadJobSchema,
  sendMessageJobSchema,
  type DownloadMediaJob,
  type MarkReadJob,
  type SendMessageJob,
} from '@app/contracts';
import { PermanentError } from './engine-error';

export type OutboxKind = 'send' | 'mark_read' | 'typing' | 'download_media';

/** What one outbox row asks of the sender, by kind: each goes to its queue under its own job name and id. */
export type OutboxJob =
  | { kind: 'send'; data: SendMessageJob }
  | { kind: 'mark_read'; data: MarkReadJob }
  /** A mark-read with the typing indicator while an admin types; repeatable for the same message. */
  | { kind: 'typing'; data: MarkReadJob }
  | { kind: 'download_media'; data: DownloadMediaJob };

class InvalidOutboxRowError extends PermanentError {
  override name = 'InvalidOutboxRowError';
}

/**
 * Reads an outbox row's job back with the schema of its kind. Rows are written after the same validation, so
 * a failure here is a bug or a manual edit: the relay parks that row and fails its message, loudly
 * (use-cases/outbox/park-unreadable-outbox.ts), rather than queueing something the sender would refuse or stopping
 * for everyone behind it.
 */
export function parseOutboxJob(row: { id: string; kind: string; job: unknown }): OutboxJob {
  const fail = (why: string): never => {
    throw new InvalidOutboxRowError(`outbox row ${row.id} (${row.kind}) holds an invalid job: ${why}`);
  };
  switch (row.kind) {
    case 'send': {
      const parsed = sendMessageJobSchema.safeParse(row.job);
      return parsed.success ? { kind: 'send', data: parsed.data } : fail(parsed.error.message);
    }
    case 'mark_read': {
      const parsed = markReadJobSchema.safeParse(row.job);
      return parsed.success ? { kind: 'mark_read', data: parsed.data } : fail(parsed.error.message);
    }
    case 'typing': {
      const parsed = markReadJobSchema.safeParse(row.job);
      return parsed.success ? { kind: 'typing', data: parsed.data } : fail(parsed.error.message);
    }
    case 'download_media': {
      const parsed = downloadMediaJobSchema.safeParse(row.job);
      return parsed.success ? { kind: 'download_media', data: parsed.data } : fail(parsed.error.message);
    }
    default:
      return fail('unknown kind');
  }
}
