import type { AdminUser } from '../domain/admin-user';
import type { AuditAction, RequestOrigin } from '../domain/audit';
import { MAX_CANNED_REPLIES, type CannedReply } from '../domain/canned-reply';
import { AppError } from '../domain/errors';
import { runAuditedCommand, type AuditedCommandDeps } from './run-audited-command';

interface CannedReplyFields {
  title: string;
  shortcut: string;
  body: string;
}

export type CannedReplyCommand =
  | { kind: 'create'; reply: CannedReplyFields }
  | { kind: 'update'; id: string; change: Partial<CannedReplyFields> }
  | { kind: 'delete'; id: string };

export interface CannedReplyStore {
  insert(reply: CannedReplyFields & { createdBy: string }, max: number): Promise<CannedReply | 'taken' | 'full'>;
  update(id: string, change: Partial<CannedReplyFields>): Promise<CannedReply | 'not_found' | 'taken'>;
  remove(id: string): Promise<CannedReply | undefined>;
}

export interface ManageCannedReplyInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  command: CannedReplyCommand;
}

const ACTIONS: Record<CannedReplyCommand['kind'], AuditAction> = {
  create: 'canned_reply.created',
  update: 'canned_reply.updated',
  delete: 'canned_reply.deleted',
};

const taken = () => new AppError('name_taken', 'another canned reply has this shortcut');

async function run(store: CannedReplyStore, user: AdminUser, command: CannedReplyCommand): Promise<CannedReply> {
  switch (command.kind) {
    case 'create': {
      const created = await store.insert({ ...command.reply, createdBy: user.id }, MAX_CANNED_REPLIES);
      if (created === 'taken') throw taken();
      if (created === 'full')
        throw new AppError('invalid_request', `there are already ${MAX_CANNED_REPLIES} canned replies; delete one first`);
      return created;
    }
    case 'update': {
      const updated = await store.update(command.id, command.change);
      if (updated === 'taken') throw taken();
      if (updated === 'not_found') throw new AppError('not_found', 'no canned reply with this id');
      return updated;
    }
    case 'delete': {
      const deleted = await store.remove(command.id);
      if (!deleted) throw new AppError('not_found', 'no canned reply with this id');
      return deleted;
    }
  }
}

/** Creates, changes or deletes one of the team's canned replies (admins only, by the route); audited without the body. */
export function manageCannedReply(
  deps: AuditedCommandDeps & { store: CannedReplyStore },
  { user, origin, correlationId, command }: ManageCannedReplyInput,
): Promise<CannedReply> {
  const changed = command.kind === 'update' ? { changed: Object.keys(command.change).sort() } : {};
  return runAuditedCommand(deps, {
    user,
    origin,
    action: ACTIONS[command.kind],
    target: command.kind === 'create' ? null : command.id,
    details: { correlation_id: correlationId, ...changed },
    run: () => run(deps.store, user, command),
    describe: (reply) => ({ canned_reply_id: reply.id, shortcut: reply.shortcut }),
  });
}
