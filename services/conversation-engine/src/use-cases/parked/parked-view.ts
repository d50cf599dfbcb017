import type { ParkedEventView } from '@app/contracts';
import type { ParkedEventRow } from '../../db/repositories/parked-events.repository';

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export function toParkedEventView(row: ParkedEventRow): ParkedEventView {
  return {
    id: row.id,
    source: row.source,
    subject: row.subject,
    stream_seq: row.stream_seq === null ? null : Number(row.stream_seq),
    phone_number: row.phone_number,
    payload: row.payload,
    error: row.error,
    attempts: row.attempts,
    status: row.status,
    parked_at: iso(row.parked_at),
    resolved_at: row.resolved_at === null ? null : iso(row.resolved_at),
    resolved_by: row.resolved_by,
  };
}
