import type { Client } from 'openapi-fetch';
import type { paths } from '../api/openapi.gen';
import type { CsatSettings, ReportQuery } from './types';

type Unwrap = <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;

/** Reports' and the satisfaction survey's admin-api calls (issue 15), part of the console's API object. */
export function reportsApi(client: Client<paths>, unwrap: Unwrap) {
  return {
    report: (query: ReportQuery) => unwrap(client.GET('/api/admin/reports', { params: { query } })),
    /** The same figures as a CSV file, with the name admin-api gives it. */
    reportCsv: async (query: ReportQuery): Promise<{ blob: Blob; filename: string }> => {
      const call = client.GET('/api/admin/reports', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' });
      const blob: Blob = await unwrap(call);
      const { response } = await call;
      const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'support-report.csv';
      return { blob, filename };
    },
    csatSettings: () => unwrap(client.GET('/api/admin/csat/settings')),
    setCsatSettings: (settings: CsatSettings) => unwrap(client.PUT('/api/admin/csat/settings', { body: settings })),
  };
}
