import { z } from 'zod';
import { messageViewSchema } from './views.schema';

// The student's data (issue 15): a conversation's transcript, the subject access export (everything held on
// one student) and the erasure of a student. Shapes shared by the engine's RPC replies and admin-api.

/**
 * Most bytes of one page of student data in an engine reply: NATS refuses payloads over max_payload (1 MiB by
 * default), so the engine cuts a page short (never below one item) before its JSON reaches this size.
 */
export const STUDENT_DATA_PAGE_BYTES = 512 * 1024;

/** Who the student is, as a transcript heads it; nulls when unknown. */
const studentIdentitySchema = z.object({
  phone_number: z.string().nullable(),
  user_id: z.string().nullable(),
  username: z.string().nullable(),
  /** The registered name, else the WhatsApp profile name. */
  student_name: z.string().nullable(),
});
export type StudentIdentity = z.infer<typeof studentIdentitySchema>;

/** One page of a conversation's history, oldest first, as the thread shows it (delivery status, media). */
export const studentHistoryPageSchema = z.object({
  student: studentIdentitySchema,
  items: z.array(messageViewSchema),
  /** Give it back as `after` for the next page; null at the end of the range. */
  next_cursor: z.string().nullable(),
});
export type StudentHistoryPage = z.infer<typeof studentHistoryPageSchema>;

/** A stored row as Postgres turns it into JSON (to_jsonb): every column, whatever later migrations added. */
const storedRowSchema = z.record(z.string(), z.unknown());

/** Tables are named by their SQL name: lower-case letters, digits and underscores. */
export const storedTableNameSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a table name');

/** What the engine holds on a student: their conversation row, and each table with rows about them. */
export const studentDataTablesSchema = z.object({
  conversation: storedRowSchema,
  tables: z.array(z.object({ name: storedTableNameSchema, rows: z.number().int().min(0) })),
});
export type StudentDataTables = z.infer<typeof studentDataTablesSchema>;

export const studentDataRowsSchema = z.object({
  rows: z.array(storedRowSchema),
  /** Give it back as `offset` for the next page; null after the last row. */
  next_offset: z.number().int().min(0).nullable(),
});

/** What an erasure removed, per table (and media objects, queued jobs), with no content. */
export const erasureSchema = z.object({
  id: z.uuid(),
  /** The tombstone's pseudonym of the student (see subject hash in the engine), never their ids in clear. */
  subject_hash: z.string(),
  erased_at: z.iso.datetime({ offset: true }),
  removed: z.record(z.string(), z.number().int().min(0)),
  /** Sender jobs removed from BullMQ; jobs_in_flight were being sent at that instant and could not be. */
  jobs_removed: z.number().int().min(0),
  jobs_in_flight: z.number().int().min(0),
  /** Media store objects still to delete (admin-api deletes them through students.erased-media). */
  media_pending: z.number().int().min(0),
});
export type Erasure = z.infer<typeof erasureSchema>;

export const eraseStudentReplySchema = z.object({
  erasure: erasureSchema,
  /** The ids the student had, so that the caller can scrub what it holds about them; not kept by the engine. */
  phone_number: z.string().nullable(),
  user_id: z.string().nullable(),
});

/** Media store keys deleted, given back to the engine, and the next ones to delete. */
export const ERASED_MEDIA_BATCH = 200;
