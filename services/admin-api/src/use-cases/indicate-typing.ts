import type { TypingIndicatorResult } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { EngineGateway } from '../domain/engine-gateway';

export interface IndicateTypingInput {
  user: AdminUser;
  correlationId: string;
  /** The student as the admin named them: phone digits or business-scoped user id, passed on as is. */
  student: string;
}

/**
 * The admin is typing in a support chat: the engine decides whether the student sees a typing indicator now
 * (active chat, open window, not within 20 s of the last one). Not audited: the console calls it while the
 * admin types, it changes nothing an admin sees, and the message that follows is audited.
 */
export async function indicateTyping(
  deps: { engine: Pick<EngineGateway, 'indicateTyping'> },
  input: IndicateTypingInput,
): Promise<TypingIndicatorResult> {
  return deps.engine.indicateTyping(
    { actor: actorOf(input.user), student: input.student, correlationId: input.correlationId },
    input.correlationId,
  );
}
