import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The tombstone of an erased student (2026_12_07_1300_create_student_erasures): hashes and counts, no content. */
export interface StudentErasuresTable {
  id: string;
  /** domain/privacy/subject-hash.ts of each id the student had (phone, business-scoped user id). */
  subject_hashes: ColumnType<string[], string[], string[]>;
  erased_at: Timestamp;
  erased_by_id: string;
  erased_by_name: string;
  removed: ColumnType<Record<string, number>, string, string>;
}

/** Media store objects of erased students that admin-api has not yet confirmed deleted. */
export interface ErasedMediaObjectsTable {
  storage_key: string;
  erasure_id: string;
  created_at: Generated<Date>;
}
