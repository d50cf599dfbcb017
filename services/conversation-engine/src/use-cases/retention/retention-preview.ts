import { RETENTION_PREVIEW_LIMIT, type RetentionPreview } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { countDue, readRetentionSettings } from '../../db/repositories/retention.repository';
import { DAY_MS } from './purge-expired-history';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/**
 * The retention settings and what the runs will delete as of now (the next run takes them, a backlog of more
 * than one run's batches over the following runs). Counted over the due conversations only.
 */
export async function retentionPreview(deps: {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  intervalMs: number;
}): Promise<RetentionPreview> {
  const settings = await readRetentionSettings(deps.db);
  const now = deps.now();
  const base = {
    settings: { enabled: settings.enabled, days: settings.days },
    last_run_at: iso(settings.lastRunAt),
    last_run_deleted: settings.lastRun,
    updated_at: iso(settings.updatedAt),
    updated_by: settings.updatedBy,
  };
  if (!settings.enabled)
    return {
      ...base,
      cutoff: null,
      due: { conversations: 0, messages: 0, media: 0 },
      due_capped: false,
      oldest_due_activity_at: null,
      next_run_at: null,
    };
  const cutoff = new Date(now.getTime() - settings.days * DAY_MS);
  const { oldest, capped, ...due } = await countDue(deps.db, cutoff, RETENTION_PREVIEW_LIMIT);
  const after = settings.lastRunAt ? settings.lastRunAt.getTime() + deps.intervalMs : now.getTime() + deps.intervalMs;
  return {
    ...base,
    cutoff: cutoff.toISOString(),
    due,
    due_capped: capped,
    oldest_due_activity_at: iso(oldest),
    next_run_at: new Date(Math.max(after, now.getTime())).toISOString(),
  };
}
