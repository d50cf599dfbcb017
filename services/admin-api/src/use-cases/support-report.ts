import type { Report, ReportQuery } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { EngineGateway } from '../domain/engine-gateway';

export interface SupportReportInput {
  user: AdminUser;
  query: ReportQuery;
  correlationId: string;
}

/**
 * The support report, as the engine computes it. Admins see every group; an agent sees the team's overall
 * and per-label figures, but per agent only their own line (colleagues' figures are a manager's business).
 */
export async function supportReport(deps: { engine: Pick<EngineGateway, 'report'> }, input: SupportReportInput): Promise<Report> {
  const { user, query, correlationId } = input;
  const report = await deps.engine.report({ actor: actorOf(user), ...query }, correlationId);
  if (user.role === 'admin' || query.by !== 'agent') return report;
  const own = report.groups.filter((g) => g.key === user.id);
  return { ...report, groups: own, omitted_groups: report.omitted_groups + report.groups.length - own.length };
}
