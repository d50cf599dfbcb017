import type { MessageView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

export interface AddNoteInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  student: string;
  text: string;
}

/**
 * A private note in the student's thread, by any admin or agent. Audited like a message: who, on which
 * conversation, the note's id, never its text (notes hold what the team says about a student; the audit log
 * is read by more people, for longer).
 */
export function addNote(deps: AuditedCommandDeps & { engine: Pick<EngineGateway, 'addNote'> }, input: AddNoteInput): Promise<MessageView> {
  const { user, origin, correlationId, student, text } = input;
  return runAuditedCommand(deps, {
    user,
    origin,
    action: 'note.added',
    target: student,
    details: { correlation_id: correlationId, length: text.length },
    run: async () => (await deps.engine.addNote({ actor: actorOf(user), student, text, correlationId }, correlationId)).message,
    describe: (message) => ({ message_id: message.id }),
  });
}
