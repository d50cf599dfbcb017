import type { MessageView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { templateIdempotencyKey } from '../domain/idempotency';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

export interface SendTemplateDeps extends AuditedCommandDeps {
  engine: Pick<EngineGateway, 'sendTemplate'>;
  newId(): string;
}

export interface SendTemplateInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  /** The student as the admin named them: phone digits or business-scoped user id, passed on as is. */
  student: string;
  /** The request's Idempotency-Key header, if any. */
  idempotencyKey: string | undefined;
}

/**
 * Queues the school's re-engagement template to a student whose 24-hour window has closed (the console offers
 * it when a send is refused outside_service_window): the one message WhatsApp delivers then. Audited; a
 * repeated Idempotency-Key answers the first message.
 */
export function sendTemplate(deps: SendTemplateDeps, input: SendTemplateInput): Promise<MessageView> {
  const { user, correlationId } = input;
  const idempotencyKey = templateIdempotencyKey(user.id, input.idempotencyKey, deps.newId);
  return runAuditedCommand(deps, {
    user,
    origin: input.origin,
    action: 'chat.template_sent',
    target: input.student,
    details: { correlation_id: correlationId, idempotency_key: idempotencyKey },
    run: async () => {
      const request = { actor: actorOf(user), student: input.student, idempotency_key: idempotencyKey, correlationId };
      return (await deps.engine.sendTemplate(request, correlationId)).message;
    },
    describe: (message) => ({ message_id: message.id }),
  });
}
