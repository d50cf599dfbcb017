import type { AgentView, AssignmentSettings, Availability, ConversationView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { AuditAction } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { AppError } from '../domain/errors';
import { runAuditedCommand, type AuditedCommandDeps, type CommandInput } from './run-audited-command';

export type AssignmentCommand =
  | { kind: 'assign'; student: string; agentId: string }
  | { kind: 'hand_back'; student: string }
  | { kind: 'availability'; availability: Availability }
  | { kind: 'capacity'; userId: string; capacity: number }
  | { kind: 'settings'; settings: AssignmentSettings };

export type AssignmentAnswer<C extends AssignmentCommand> = C extends { kind: 'assign' | 'hand_back' }
  ? ConversationView
  : C extends { kind: 'availability' | 'capacity' }
    ? AgentView
    : AssignmentSettings;

export type AssignmentCommandInput<C extends AssignmentCommand> = CommandInput<C>;

type AssignmentEngine = Pick<
  EngineGateway,
  'assignChat' | 'handBackChat' | 'setAvailability' | 'setAgentCapacity' | 'setAssignmentSettings'
>;

export interface AssignmentCommandDeps extends AuditedCommandDeps {
  engine: AssignmentEngine;
  findUserById(id: string): Promise<AdminUser | undefined>;
}

const ACTIONS: Record<AssignmentCommand['kind'], AuditAction> = {
  assign: 'chat.assigned',
  hand_back: 'chat.handed_back',
  availability: 'agent.availability_set',
  capacity: 'agent.capacity_set',
  settings: 'assignment.settings_updated',
};

async function run(
  deps: AssignmentCommandDeps,
  user: AdminUser,
  command: AssignmentCommand,
  correlationId: string,
): Promise<ConversationView | AgentView | AssignmentSettings> {
  const actor = actorOf(user);
  switch (command.kind) {
    case 'assign':
      return (await deps.engine.assignChat({ actor, student: command.student, agent_id: command.agentId, correlationId }, correlationId))
        .conversation;
    case 'hand_back':
      return (await deps.engine.handBackChat({ actor, student: command.student, correlationId }, correlationId)).conversation;
    case 'availability':
      return (await deps.engine.setAvailability({ actor, availability: command.availability, correlationId }, correlationId)).agent;
    case 'capacity': {
      // The agent is named as admin-api's user store knows them (they may never have opened the console).
      const agent = await deps.findUserById(command.userId);
      if (!agent) throw new AppError('not_found', 'no user with this id');
      const { id, name } = actorOf(agent);
      return (await deps.engine.setAgentCapacity({ actor, agent: { id, name }, capacity: command.capacity, correlationId }, correlationId))
        .agent;
    }
    case 'settings':
      return deps.engine.setAssignmentSettings({ actor, settings: command.settings, correlationId }, correlationId);
  }
}

function target(command: AssignmentCommand, user: AdminUser): string | null {
  if (command.kind === 'assign' || command.kind === 'hand_back') return command.student;
  if (command.kind === 'capacity') return command.userId;
  return command.kind === 'availability' ? user.id : null;
}

function details(command: AssignmentCommand): Record<string, unknown> {
  switch (command.kind) {
    case 'assign':
      return { agent_id: command.agentId };
    case 'availability':
      return { availability: command.availability };
    case 'capacity':
      return { capacity: command.capacity };
    case 'settings':
      return { ...command.settings };
    case 'hand_back':
      return {};
  }
}

/**
 * Assignment commands on a user's behalf (routes decide who may: admins assign, set capacities and the
 * auto-reassign time; anyone sets their own availability and hands back their chat), each audited.
 */
export async function runAssignmentCommand<C extends AssignmentCommand>(
  deps: AssignmentCommandDeps,
  input: AssignmentCommandInput<C>,
): Promise<AssignmentAnswer<C>> {
  const { user, origin, correlationId, command } = input;
  const result = await runAuditedCommand(deps, {
    user,
    origin,
    action: ACTIONS[command.kind],
    target: target(command, user),
    details: { correlation_id: correlationId, ...details(command) },
    run: () => run(deps, user, command, correlationId),
    describe: (answer) =>
      'assigned_to' in answer ? { assigned_to: answer.assigned_to?.id ?? null, support_status: answer.support_status } : {},
  });
  // run() answers the shape its command's kind asks for; TypeScript cannot narrow C through the switch.
  return result as AssignmentAnswer<C>;
}
