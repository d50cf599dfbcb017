import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type AvailabilityChoice = 'available' | 'away' | 'offline';

/** One admin-api user the engine has met (2026_12_07_1000_create_agents). */
export interface AgentsTable {
  id: string;
  name: string;
  availability: ColumnType<AvailabilityChoice, AvailabilityChoice | undefined, AvailabilityChoice>;
  capacity: ColumnType<number, number | undefined, number>;
  /** Online until then (presence); null: never seen, or signed out. */
  seen_until: Timestamp | null;
  last_seen_at: Timestamp | null;
  idle_since: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: Generated<Date>;
}

export interface AssignmentSettingsTable {
  id: number;
  auto_reassign_after_seconds: number;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
