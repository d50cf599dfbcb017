import { reportCsv } from '../../../domain/report-csv';
import { reportHttpQuerySchema, reportResponseSchema } from './reports.schema';
import { jsonRoute, type Route } from './route-builders';
import { withoutEmptyValues } from '../framework/route';
import { parseBody } from '../framework/validation';
import { ANY_ROLE } from './access';
import { ENGINE_ERRORS } from './route-errors';

// Support reports (issue 15). Computed by the engine in SQL; the range is bounded by the contract, so the
// answer (JSON or CSV) is too. Admins see every agent; an agent, per agent, only their own line.

const reportJson = jsonRoute({
  method: 'get',
  path: '/api/admin/reports',
  summary:
    'Support figures for a range of days (school time zone, both ends included, at most 366; by day per agent or label at most 93) by day or ISO week, overall, per agent or per label: chats, messages in and out, waiting / first response / resolution times (median, p90), CSAT, chats that arrived outside office hours, failed sends by reason. format=csv answers the same figures as text/csv.',
  tag: 'reports',
  access: ANY_ROLE,
  errors: ENGINE_ERRORS,
  request: { query: reportHttpQuerySchema },
  response: {
    status: 200,
    description: 'the report (format=csv: text/csv, one line per group and bucket, then each group\u2019s total)',
    schema: reportResponseSchema,
  },
  handle: ({ query }, ctx) => {
    const { format: _format, ...range } = query;
    return ctx.deps.insight.report({ user: ctx.user(), query: range, correlationId: ctx.correlationId });
  },
});

export const reportRoutes: Route[] = [
  {
    ...reportJson,
    run: async (req, res, ctx) => {
      const { format, ...range } = parseBody(reportHttpQuerySchema, withoutEmptyValues(req.query), 'query');
      if (format !== 'csv') return reportJson.run(req, res, ctx);
      const report = await ctx.deps.insight.report({ user: ctx.user(), query: range, correlationId: ctx.correlationId });
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader(
        'content-disposition',
        `attachment; filename="support-report-${report.by}-${report.bucket}-${report.from}-${report.to}.csv"`,
      );
      res.setHeader('cache-control', 'private, no-store');
      res.send(reportCsv(report));
    },
  },
];
