import type { InsightDeps } from '../adapters/http/routes/insight-deps';
import { actorOf } from '../domain/actor';
import type { EngineGateway } from '../domain/engine-gateway';
import type { AuditedCommandDeps } from '../use-cases/run-audited-command';
import { setCsatSettings } from '../use-cases/set-csat-settings';
import { supportReport } from '../use-cases/support-report';

/** Insight's use cases bound to their clients (http-deps.ts's part for issue 15's reports and survey). */
export function composeInsight({ engine, audited }: { engine: EngineGateway; audited: AuditedCommandDeps }): InsightDeps {
  return {
    report: (input) => supportReport({ engine }, input),
    getCsatSettings: ({ user, correlationId }) => engine.getCsatSettings({ actor: actorOf(user) }, correlationId),
    setCsatSettings: (input) => setCsatSettings({ ...audited, engine }, input),
  };
}
