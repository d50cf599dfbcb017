import type { ConversationView, LabelView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { AuditAction } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { runAuditedCommand, type AuditedCommandDeps, type CommandInput } from './run-audited-command';

export type LabelCommand =
  | { kind: 'create'; name: string; colour: string }
  | { kind: 'update'; id: string; name?: string | undefined; colour?: string | undefined }
  | { kind: 'delete'; id: string }
  | { kind: 'add'; student: string; labelId: string }
  | { kind: 'remove'; student: string; labelId: string };

export type LabelAnswer<C extends LabelCommand> = C extends { kind: 'add' | 'remove' } ? ConversationView : LabelView;

export type LabelCommandInput<C extends LabelCommand> = CommandInput<C>;

export type LabelEngine = Pick<
  EngineGateway,
  'createLabel' | 'updateLabel' | 'deleteLabel' | 'addConversationLabel' | 'removeConversationLabel'
>;

const ACTIONS: Record<LabelCommand['kind'], AuditAction> = {
  create: 'label.created',
  update: 'label.updated',
  delete: 'label.deleted',
  add: 'conversation.label_added',
  remove: 'conversation.label_removed',
};

async function run(
  engine: LabelEngine,
  user: AdminUser,
  command: LabelCommand,
  correlationId: string,
): Promise<LabelView | ConversationView> {
  const actor = actorOf(user);
  switch (command.kind) {
    case 'create':
      return (await engine.createLabel({ actor, name: command.name, colour: command.colour, correlationId }, correlationId)).label;
    case 'update':
      return (await engine.updateLabel({ actor, id: command.id, name: command.name, colour: command.colour, correlationId }, correlationId))
        .label;
    case 'delete':
      return (await engine.deleteLabel({ actor, id: command.id, correlationId }, correlationId)).label;
    case 'add':
      return (
        await engine.addConversationLabel({ actor, student: command.student, label_id: command.labelId, correlationId }, correlationId)
      ).conversation;
    case 'remove':
      return (
        await engine.removeConversationLabel({ actor, student: command.student, label_id: command.labelId, correlationId }, correlationId)
      ).conversation;
  }
}

/** Manages the label set (admins, by the route) or labels a conversation (agents too); audited with the label. */
export async function runLabelCommand<C extends LabelCommand>(
  deps: AuditedCommandDeps & { engine: LabelEngine },
  input: LabelCommandInput<C>,
): Promise<LabelAnswer<C>> {
  const { user, origin, correlationId, command } = input;
  const onConversation = command.kind === 'add' || command.kind === 'remove';
  const labelId = command.kind === 'create' ? null : onConversation ? command.labelId : command.id;
  const named = command.kind === 'create' || command.kind === 'update' ? { name: command.name, colour: command.colour } : {};
  const result = await runAuditedCommand(deps, {
    user,
    origin,
    action: ACTIONS[command.kind],
    target: onConversation ? command.student : labelId,
    details: { correlation_id: correlationId, ...(onConversation ? { label_id: labelId } : {}), ...named },
    run: () => run(deps.engine, user, command, correlationId),
    describe: (answer) => ('name' in answer && 'colour' in answer ? { label_id: answer.id, name: answer.name } : {}),
  });
  return result as LabelAnswer<C>;
}
