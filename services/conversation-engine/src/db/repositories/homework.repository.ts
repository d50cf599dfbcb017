import { sql, type Kysely, type Transaction } from 'kysely';
import type { SubmittedMedia } from '../../domain/bot';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export async function nextHomeworkNumber(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select nextval('homework_reference_seq') as n`.execute(db);
  const n = rows[0]?.n;
  if (n === undefined) throw new Error('homework_reference_seq gave no value');
  return Number(n);
}

export async function insertHomeworkSubmission(
  db: Db,
  row: {
    reference: string;
    conversationId: string;
    messageId: string;
    subjectId: string | null;
    subject: string;
    text: string | null;
    media: SubmittedMedia | null;
    at: Date;
  },
) {
  await db
    .insertInto('homework_submissions')
    .values({
      reference: row.reference,
      conversation_id: row.conversationId,
      message_id: row.messageId,
      subject_id: row.subjectId,
      subject: row.subject,
      text: row.text,
      media_type: row.media?.type ?? null,
      media_id: row.media?.id ?? null,
      media_mime_type: row.media?.mimeType ?? null,
      media_sha256: row.media?.sha256 ?? null,
      media_caption: row.media?.caption ?? null,
      media_filename: row.media?.filename ?? null,
      created_at: row.at,
    })
    .execute();
}
