import { vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';

type ReportsCalls = Pick<ConsoleApi, 'report' | 'reportCsv' | 'csatSettings' | 'setCsatSettings'>;

/** fakeApi's reports and survey settings (issue 15): calls that never answer unless a test says otherwise. */
export function fakeReports(): ReportsCalls {
  const pending = () => new Promise<never>(() => undefined);
  return { report: vi.fn(pending), reportCsv: vi.fn(pending), csatSettings: vi.fn(pending), setCsatSettings: vi.fn(pending) };
}
