import type { AgentView, Availability } from '@app/contracts';
import { effectiveAvailability } from './assignment';

/** An agent as admins see them; `now` decides whether their presence has lapsed. */
export function toAgentView(
  row: {
    id: string;
    name: string;
    availability: Availability;
    capacity: number;
    seen_until: Date | null;
    last_seen_at: Date | null;
    idle_since: Date;
    load: number;
  },
  now: Date,
): AgentView {
  return {
    id: row.id,
    name: row.name,
    availability: effectiveAvailability(row.availability, row.seen_until, now),
    chosen_availability: row.availability,
    capacity: row.capacity,
    active_chats: row.load,
    idle_since: row.idle_since.toISOString(),
    last_seen_at: row.last_seen_at ? row.last_seen_at.toISOString() : null,
  };
}
