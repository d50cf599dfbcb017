import { COLUMNS, failedReasons, show } from './report-figures';
import type { Report, ReportGroup } from './types';

/** The report's numbers beside its charts: the chosen group bucket by bucket, then every group's totals. */
export function ReportTables({ report, group }: { report: Report; group: ReportGroup }) {
  return (
    <div className="report-tables">
      <div className="table-scroll card">
        <table className="report-table" aria-label={`${group.name} by ${report.bucket}`}>
          <caption>
            {group.name}, by {report.bucket}
          </caption>
          <thead>
            <tr>
              <th scope="col">{report.bucket === 'week' ? 'Week of' : 'Day'}</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.buckets.map((bucket) => (
              <tr key={bucket.start} data-bucket={bucket.start}>
                <th scope="row">{bucket.start}</th>
                {COLUMNS.map((c) => {
                  const value = c.value(bucket);
                  return (
                    <td key={c.key} data-column={c.key} data-value={value ?? ''}>
                      {show(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll card">
        <table className="report-table" aria-label="Totals">
          <caption>Totals for the range</caption>
          <thead>
            <tr>
              <th scope="col">{report.by === 'overall' ? 'All' : report.by === 'agent' ? 'Agent' : 'Label'}</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
              <th scope="col">CSAT 1–5</th>
              <th scope="col">Failed sends by reason</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.key ?? 'none'} data-group={g.key ?? ''}>
                <th scope="row">{g.name}</th>
                {COLUMNS.map((c) => {
                  const value = c.value(g.totals);
                  return (
                    <td key={c.key} data-column={c.key} data-value={value ?? ''}>
                      {show(value)}
                    </td>
                  );
                })}
                <td data-column="csat_distribution">{g.totals.csat_distribution.join(' / ')}</td>
                <td data-column="failed_by_reason">{failedReasons(g)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
