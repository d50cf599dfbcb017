import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types';

export type ParkedSource = 'inbound' | 'delivery' | 'outbox';

export type ParkedStatus = 'parked' | 'retried' | 'discarded';

export interface ParkedEventsTable {
  id: string;
  source: ParkedSource;
  subject: string;
  stream_seq: number | null;
  phone_number: string | null;
  payload: string;
  error: string;
  attempts: number;
  status: ColumnType<ParkedStatus, ParkedStatus | undefined, ParkedStatus>;
  parked_at: Generated<Date>;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}
