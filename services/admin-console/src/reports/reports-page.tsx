import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { describeError } from '../api/api-error';
import { useSession, useUser } from '../session/session';
import { CsatSettingsForm } from './csat-settings-form';
import { ReportChart } from './report-chart';
import { ReportTables } from './report-tables';
import { minutes } from './report-figures';
import type { Report, ReportQuery } from './types';
import './reports.css';

const dayText = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The last 30 days, by day, overall. */
function lastThirtyDays(): ReportQuery {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: dayText(from), to: dayText(today), bucket: 'day', by: 'overall' };
}

/**
 * Support reports: a range of days by day or week, overall or per agent or label, as charts (Chart.js) with
 * the same numbers in tables beside them, and as a CSV file. Agents see the team's figures and, per agent,
 * their own (admin-api decides). Admins also set the satisfaction survey here.
 */
export function ReportsPage() {
  const { api } = useSession();
  const isAdmin = useUser().role === 'admin';
  const id = useId();
  const [query, setQuery] = useState<ReportQuery>(lastThirtyDays);
  const [draft, setDraft] = useState<ReportQuery>(query);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);

  useEffect(() => {
    let current = true;
    api.report(query).then(
      (answer) => {
        if (!current) return;
        setReport(answer);
        setSelected(0);
        setError(null);
      },
      (failure: unknown) => current && setError(describeError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...draft });
  };
  const download = () => {
    api.reportCsv(query).then(
      ({ blob, filename }) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      (failure: unknown) => setError(describeError(failure)),
    );
  };

  const group = report?.groups[selected] ?? report?.groups[0];
  const drawn = report && group ? `${report.from}/${report.to}/${report.bucket}/${report.by}/${group.key ?? 'none'}` : '';
  const labels = useMemo(() => report?.groups[0]?.buckets.map((b) => b.start) ?? [], [report]);
  const chats = useMemo(() => report?.groups.map((g) => ({ label: g.name, data: g.buckets.map((b) => b.chats) })) ?? [], [report]);
  const times = useMemo(
    () =>
      group
        ? [
            { label: 'Waiting, median', data: group.buckets.map((b) => minutes(b.waiting_median_seconds)) },
            { label: 'First response, median', data: group.buckets.map((b) => minutes(b.first_response_median_seconds)) },
            { label: 'Resolution, median', data: group.buckets.map((b) => minutes(b.resolution_median_seconds)) },
          ]
        : [],
    [group],
  );
  const messages = useMemo(
    () =>
      group
        ? [
            { label: 'Messages in', data: group.buckets.map((b) => b.messages_in) },
            { label: 'Messages out', data: group.buckets.map((b) => b.messages_out) },
          ]
        : [],
    [group],
  );
  const csat = useMemo(() => (group ? [{ label: 'Answers', data: [...group.totals.csat_distribution] }] : []), [group]);

  return (
    <section className="reports" aria-labelledby="reports-heading">
      <h1 id="reports-heading">Reports</h1>
      <form className="report-controls card" onSubmit={submit} aria-label="Report range">
        <span className="report-field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            required
            value={draft.from}
            max={draft.to}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </span>
        <span className="report-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            required
            value={draft.to}
            min={draft.from}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </span>
        <span className="report-field">
          <label htmlFor={`${id}-bucket`}>By</label>
          <select
            id={`${id}-bucket`}
            value={draft.bucket}
            onChange={(e) => setDraft({ ...draft, bucket: e.target.value === 'week' ? 'week' : 'day' })}
          >
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </span>
        <span className="report-field">
          <label htmlFor={`${id}-by`}>Group</label>
          <select
            id={`${id}-by`}
            value={draft.by}
            onChange={(e) =>
              setDraft({ ...draft, by: e.target.value === 'agent' ? 'agent' : e.target.value === 'label' ? 'label' : 'overall' })
            }
          >
            <option value="overall">Overall</option>
            <option value="agent">Per agent</option>
            <option value="label">Per label</option>
          </select>
        </span>
        <button type="submit" className="button button-primary">
          Show
        </button>
        <button type="button" className="button" onClick={download} disabled={!report}>
          Download CSV
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!report && !error && <p className="muted">Loading the report…</p>}
      {report && group && (
        <>
          <p className="muted report-summary">
            {report.from} to {report.to}, by {report.bucket}, in {report.time_zone} time.
            {report.omitted_groups > 0 && ` ${report.omitted_groups} more ${report.by === 'label' ? 'labels' : 'agents'} not shown.`}
          </p>
          {report.groups.length > 1 && (
            <span className="report-group">
              <label htmlFor={`${id}-group`}>Details for</label>
              <select id={`${id}-group`} value={selected} onChange={(e) => setSelected(Number(e.target.value))}>
                {report.groups.map((g, i) => (
                  <option key={g.key ?? 'none'} value={i}>
                    {g.name}
                  </option>
                ))}
              </select>
            </span>
          )}
          <div className="report-layout" data-drawn={drawn}>
            <div className="report-charts">
              <ReportChart title="Chats" type="bar" labels={labels} series={chats} stacked yTitle="chats" drawn={drawn} />
              <ReportChart
                title={`Median times, ${group.name} (minutes)`}
                type="line"
                labels={labels}
                series={times}
                yTitle="minutes"
                drawn={drawn}
              />
              <ReportChart title={`Messages, ${group.name}`} type="bar" labels={labels} series={messages} yTitle="messages" drawn={drawn} />
              <ReportChart
                title={`Satisfaction, ${group.name}`}
                type="bar"
                labels={CSAT_LABELS}
                series={csat}
                yTitle="answers"
                drawn={drawn}
              />
            </div>
            <ReportTables report={report} group={group} />
          </div>
        </>
      )}
      {isAdmin && <CsatSettingsForm />}
    </section>
  );
}

const CSAT_LABELS = ['1', '2', '3', '4', '5'];
