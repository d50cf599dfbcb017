import type { MessageView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { sendIdempotencyKey } from '../domain/idempotency';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

export interface SendChatMessageDeps extends AuditedCommandDeps {
  engine: Pick<EngineGateway, 'sendMessage'>;
  newId(): string;
}

export interface SendChatMessageInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  /** The student as the admin named them: phone digits or business-scoped user id, passed on as is. */
  student: string;
  message: string;
  /** The request's Idempotency-Key header, if any. */
  idempotencyKey: string | undefined;
}

/**
 * Queues an admin's message to a student. The engine claims a waiting chat for the sender, refuses an
 * ended one (chat_not_active) or a closed 24-hour window (outside_service_window), and answers a repeated
 * key with the first answer, so a console retrying after a timeout cannot send the message twice.
 */
export function sendChatMessage(deps: SendChatMessageDeps, input: SendChatMessageInput): Promise<MessageView> {
  const { user, correlationId } = input;
  const idempotencyKey = sendIdempotencyKey(user.id, input.idempotencyKey, deps.newId);
  return runAuditedCommand(deps, {
    user,
    origin: input.origin,
    action: 'chat.message_sent',
    target: input.student,
    details: { correlation_id: correlationId, idempotency_key: idempotencyKey },
    run: async () => {
      const request = {
        actor: actorOf(user),
        student: input.student,
        message: input.message,
        idempotency_key: idempotencyKey,
        correlationId,
      };
      return (await deps.engine.sendMessage(request, correlationId)).message;
    },
    describe: (message) => ({ message_id: message.id }),
  });
}
