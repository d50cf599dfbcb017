import type { ParkedEventView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import type { ParkedStatus } from '../../db/tables/parked-events-tables';
import { listParkedEventRows } from '../../db/repositories/parked-events.repository';
import { decodeParkedCursor, encodeParkedCursor } from '../../domain/cursors';
import { EngineCommandError } from '../../domain/engine-error';
import { toParkedEventView } from '../parked/parked-view';

/** Parked events of one status, newest first; next_cursor gives older ones. */
export async function listParkedEvents(
  deps: { db: Kysely<EngineDatabase> },
  request: { status: ParkedStatus; limit: number; cursor?: string | undefined },
): Promise<{ items: ParkedEventView[]; next_cursor: string | null }> {
  const after = request.cursor === undefined ? undefined : decodeParkedCursor(request.cursor);
  if (request.cursor !== undefined && after === undefined)
    throw new EngineCommandError('invalid_request', 'cursor is not one this list gave');
  const rows = await listParkedEventRows(deps.db, request.status, request.limit + 1, after);
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map(toParkedEventView),
    next_cursor: rows.length > request.limit && last ? encodeParkedCursor({ parkedAt: last.parked_at_micros, id: last.id }) : null,
  };
}
