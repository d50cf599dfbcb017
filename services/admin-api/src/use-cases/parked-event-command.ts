import type { ParkedEventView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { AuditAction, RequestOrigin } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { AppError } from '../domain/errors';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

export interface ParkedEventCommandDeps extends AuditedCommandDeps {
  engine: Pick<EngineGateway, 'retryParkedEvent' | 'discardParkedEvent'>;
}

export interface ParkedEventCommandInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  command: 'retry' | 'discard';
  id: string;
}

const ACTIONS: Record<ParkedEventCommandInput['command'], AuditAction> = {
  retry: 'parked_event.retried',
  discard: 'parked_event.discarded',
};

/**
 * Retries or discards an event the engine parked, on an admin's behalf; audited with the event's new status
 * (a retry that failed again answers ok, still parked, with its new error). admin-api has already checked the
 * id, so the engine's invalid_request here can only mean "not parked any more": a conflict (409 not_parked),
 * not a malformed request.
 */
export async function runParkedEventCommand(deps: ParkedEventCommandDeps, input: ParkedEventCommandInput): Promise<ParkedEventView> {
  const { user, correlationId, id } = input;
  const request = { actor: actorOf(user), id, correlationId };
  const run = async () => {
    try {
      const { event } =
        input.command === 'retry'
          ? await deps.engine.retryParkedEvent(request, correlationId)
          : await deps.engine.discardParkedEvent(request, correlationId);
      return event;
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_request') throw new AppError('not_parked', error.message, { cause: error });
      throw error;
    }
  };
  return runAuditedCommand(deps, {
    user,
    origin: input.origin,
    action: ACTIONS[input.command],
    target: id,
    details: { correlation_id: correlationId },
    run,
    describe: (event) => ({ status: event.status, attempts: event.attempts, source: event.source }),
  });
}
