import type { ColumnType } from 'kysely';

/** A timestamp column: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column: read parsed, written as the value or its JSON text. */
export type Json<T> = ColumnType<T, T | string, T | string>;
