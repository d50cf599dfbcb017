import type { ConversationView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { AuditAction, RequestOrigin } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

export type ChatCommand =
  | { kind: 'start'; student: string; message?: string | undefined }
  | { kind: 'claim'; student: string }
  | { kind: 'end'; student: string; message?: string | undefined }
  | { kind: 'read'; student: string };

export interface ChatCommandDeps extends AuditedCommandDeps {
  engine: Pick<EngineGateway, 'startChat' | 'claimChat' | 'endChat' | 'markRead'>;
}

export interface ChatCommandInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  command: ChatCommand;
}

const ACTIONS: Record<ChatCommand['kind'], AuditAction> = {
  start: 'chat.started',
  claim: 'chat.claimed',
  end: 'chat.ended',
  read: 'conversation.read',
};

/** Starts, claims or ends a support chat, or marks a conversation read, on the admin's behalf; audited. */
export function runChatCommand(
  deps: ChatCommandDeps,
  { user, origin, correlationId, command }: ChatCommandInput,
): Promise<ConversationView> {
  const actor = actorOf(user);
  const base = { actor, student: command.student, correlationId };
  const run = async () => {
    switch (command.kind) {
      case 'start':
        return (await deps.engine.startChat({ ...base, message: command.message }, correlationId)).conversation;
      case 'claim':
        return (await deps.engine.claimChat(base, correlationId)).conversation;
      case 'end':
        return (await deps.engine.endChat({ ...base, message: command.message }, correlationId)).conversation;
      case 'read':
        return (await deps.engine.markRead(base, correlationId)).conversation;
    }
  };
  const withMessage = 'message' in command ? { with_message: command.message !== undefined } : {};
  return runAuditedCommand(deps, {
    user,
    origin,
    action: ACTIONS[command.kind],
    target: command.student,
    details: { correlation_id: correlationId, ...withMessage },
    run,
    describe: (conversation) => ({ support_status: conversation.support_status }),
  });
}
