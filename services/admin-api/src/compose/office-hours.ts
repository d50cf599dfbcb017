import type { OfficeHoursDeps } from '../adapters/http/routes/office-hours-deps';
import { actorOf } from '../domain/actor';
import type { EngineGateway } from '../domain/engine-gateway';
import type { AuditedCommandDeps } from '../use-cases/run-audited-command';
import { runOfficeHoursCommand } from '../use-cases/run-office-hours-command';

/** Office hours' use cases bound to their clients (http-deps.ts's part for issue 14's office hours). */
export function composeOfficeHours({ engine, audited }: { engine: EngineGateway; audited: AuditedCommandDeps }): OfficeHoursDeps {
  return {
    get: ({ user, correlationId }) => engine.getOfficeHours({ actor: actorOf(user) }, correlationId),
    run: (input) => runOfficeHoursCommand({ ...audited, engine }, input),
  };
}
