import type { CsatSettings } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

export interface SetCsatSettingsInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  settings: CsatSettings;
}

/** Turns the satisfaction survey on or off and rewords it; audited with whether it is on (wording is not kept). */
export async function setCsatSettings(
  deps: AuditedCommandDeps & { engine: Pick<EngineGateway, 'setCsatSettings'> },
  input: SetCsatSettingsInput,
): Promise<CsatSettings> {
  const { user, origin, correlationId, settings } = input;
  return runAuditedCommand(deps, {
    user,
    origin,
    action: 'csat.settings_updated',
    target: null,
    details: { correlation_id: correlationId, enabled: settings.enabled },
    run: () => deps.engine.setCsatSettings({ actor: actorOf(user), settings, correlationId }, correlationId),
  });
}
