import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import type { SenderData } from '../domain/sender-gateway';
import { runAuditedCommand } from './run-audited-command';
import type { SenderCommandDeps } from './retry-dead-letter';

/**
 * Resumes a paused sender now (it pauses every replica when Meta refuses the access token, and resumes by
 * itself once a probe succeeds; an admin who fixed the token need not wait). Audited.
 */
export function resumeSending(
  deps: SenderCommandDeps,
  input: { user: AdminUser; origin: RequestOrigin; correlationId: string },
): Promise<SenderData<'resume'>> {
  const { user, correlationId } = input;
  return runAuditedCommand(deps, {
    user,
    origin: input.origin,
    action: 'outbound.resumed',
    target: null,
    details: { correlation_id: correlationId },
    run: () => deps.sender.resume({ actor: actorOf(user), correlationId }, correlationId),
    describe: (status) => ({ paused: status.paused }),
  });
}
