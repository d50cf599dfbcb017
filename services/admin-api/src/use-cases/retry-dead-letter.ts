import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import type { SenderData, SenderGateway } from '../domain/sender-gateway';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

export interface SenderCommandDeps extends AuditedCommandDeps {
  sender: Pick<SenderGateway, 'retryDeadLetter' | 'resume'>;
}

/**
 * Sends a message whatsapp-sender gave up on once more (one retry at a time; a message Meta accepted is never
 * sent again). Its new outcome reaches the engine as a result of that retry, so the conversation shows it.
 * Audited with the retry's number.
 */
export function retryDeadLetter(
  deps: SenderCommandDeps,
  input: { user: AdminUser; origin: RequestOrigin; correlationId: string; messageId: string },
): Promise<SenderData<'retryDeadLetter'>> {
  const { user, correlationId } = input;
  return runAuditedCommand(deps, {
    user,
    origin: input.origin,
    action: 'outbound.dead_letter_retried',
    target: input.messageId,
    details: { correlation_id: correlationId },
    run: () => deps.sender.retryDeadLetter({ actor: actorOf(user), message_id: input.messageId, correlationId }, correlationId),
    describe: (result) => ({ retry: result.retry }),
  });
}
