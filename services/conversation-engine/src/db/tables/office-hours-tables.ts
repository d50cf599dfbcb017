import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The one office-hours schedule (id 1); `weekly` is the validated weekly periods (contracts' WeeklySchedule). */
export interface OfficeHoursTable {
  id: number;
  enabled: boolean;
  time_zone: string;
  weekly: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Dated closures: `date` columns, read back as `YYYY-MM-DD` text (never through a JS Date and its zone). */
export interface OfficeHoursClosuresTable {
  id: string;
  start_date: ColumnType<string, string, string>;
  end_date: ColumnType<string, string, string>;
  reason: string;
  created_at: Generated<Date>;
  created_by: string | null;
}
