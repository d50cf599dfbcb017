import type { CsatSettings, Report } from '@app/contracts';
import type { AdminUser } from '../../../domain/admin-user';
import type { SetCsatSettingsInput } from '../../../use-cases/set-csat-settings';
import type { SupportReportInput } from '../../../use-cases/support-report';

/** Insight's use cases (issue 15: satisfaction survey settings, support reports), bound by the composition root. */
export interface InsightDeps {
  report(input: SupportReportInput): Promise<Report>;
  getCsatSettings(input: { user: AdminUser; correlationId: string }): Promise<CsatSettings>;
  setCsatSettings(input: SetCsatSettingsInput): Promise<CsatSettings>;
}
