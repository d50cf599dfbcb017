import type { Stats } from '../api/types';
import { categoryLabel } from '../conversations/pricing-marker';

/** Today's (UTC) billable messages per pricing category, from GET /api/admin/stats; nothing from an older API. */
export function BillableToday({ stats }: { stats: Stats | null }) {
  const counts = stats?.billable_today;
  if (!counts) return null;
  const rows = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="billable-today" aria-labelledby="billable-today-heading">
      <h2 id="billable-today-heading">Billable messages today (UTC)</h2>
      {rows.length === 0 ? (
        <p>None so far.</p>
      ) : (
        <dl className="billable-counts">
          {rows.map(([category, count]) => (
            <div key={category}>
              <dt>{categoryLabel(category)}</dt>
              <dd>{count}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
