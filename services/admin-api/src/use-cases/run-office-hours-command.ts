import type { ClosureView, NewClosure, OfficeHoursSettings, OfficeHoursView } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { AuditAction } from '../domain/audit';
import type { EngineGateway } from '../domain/engine-gateway';
import { runAuditedCommand, type AuditedCommandDeps, type CommandInput } from './run-audited-command';

export type OfficeHoursCommand =
  { kind: 'set'; settings: OfficeHoursSettings } | { kind: 'add_closure'; closure: NewClosure } | { kind: 'remove_closure'; id: string };

export type OfficeHoursAnswer<C extends OfficeHoursCommand> = C extends { kind: 'set' } ? OfficeHoursView : ClosureView;

export type OfficeHoursCommandInput<C extends OfficeHoursCommand> = CommandInput<C>;

export type OfficeHoursEngine = Pick<EngineGateway, 'setOfficeHours' | 'addClosure' | 'removeClosure'>;

const ACTIONS: Record<OfficeHoursCommand['kind'], AuditAction> = {
  set: 'office_hours.updated',
  add_closure: 'office_hours.closure_added',
  remove_closure: 'office_hours.closure_removed',
};

async function run(
  engine: OfficeHoursEngine,
  user: AdminUser,
  command: OfficeHoursCommand,
  correlationId: string,
): Promise<OfficeHoursView | ClosureView> {
  const actor = actorOf(user);
  switch (command.kind) {
    case 'set':
      return engine.setOfficeHours({ actor, settings: command.settings, correlationId }, correlationId);
    case 'add_closure':
      return (await engine.addClosure({ actor, closure: command.closure, correlationId }, correlationId)).closure;
    case 'remove_closure':
      return (await engine.removeClosure({ actor, id: command.id, correlationId }, correlationId)).closure;
  }
}

/** Changes the schedule or its closures on an admin's behalf (the route allows admins only); audited with what changed. */
export async function runOfficeHoursCommand<C extends OfficeHoursCommand>(
  deps: AuditedCommandDeps & { engine: OfficeHoursEngine },
  input: OfficeHoursCommandInput<C>,
): Promise<OfficeHoursAnswer<C>> {
  const { user, origin, correlationId, command } = input;
  const details =
    command.kind === 'set'
      ? { enabled: command.settings.enabled, time_zone: command.settings.time_zone, weekly: command.settings.weekly }
      : command.kind === 'add_closure'
        ? { start_date: command.closure.start_date, end_date: command.closure.end_date, reason: command.closure.reason }
        : {};
  const result = await runAuditedCommand(deps, {
    user,
    origin,
    action: ACTIONS[command.kind],
    target: command.kind === 'remove_closure' ? command.id : null,
    details: { correlation_id: correlationId, ...details },
    run: () => run(deps.engine, user, command, correlationId),
    describe: (answer) =>
      'id' in answer ? { closure_id: answer.id, start_date: answer.start_date, end_date: answer.end_date } : { open_now: answer.open_now },
  });
  // run() answers the shape its command's kind asks for; TypeScript cannot narrow C through the switch.
  return result as OfficeHoursAnswer<C>;
}
