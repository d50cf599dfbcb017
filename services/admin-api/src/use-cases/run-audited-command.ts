import type { AdminUser } from '../domain/admin-user';
import type { AuditAction, AuditEntry, RequestOrigin } from '../domain/audit';
import { AppError } from '../domain/errors';

export interface AuditedCommandDeps {
  recordAudit(entry: AuditEntry): Promise<void>;
  /** An audit row that could not be written for a command the engine has already carried out. */
  auditFailed(error: unknown, entry: AuditEntry): void;
}

/** What an adapter hands an audited command use case: who asks, from where, under which correlation id. */
export interface CommandInput<C> {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  command: C;
}

export interface AuditedCommand<T> {
  user: AdminUser;
  origin: RequestOrigin;
  action: AuditAction;
  target: string | null;
  details?: Record<string, unknown>;
  run(): Promise<T>;
  /** Facts from the answer worth keeping (a message id); never message text. */
  describe?(result: T): Record<string, unknown>;
}

/**
 * Runs an engine command and audits it with its outcome: done, refused (already_claimed, ...) or unknown
 * (engine_unavailable: a timeout does not tell whether the engine acted). The row is written after the
 * engine answered, so it says what happened, not what was tried. A failed audit write does not turn a
 * command the engine carried out into an error the admin would retry: it is logged, with the entry, instead.
 */
export async function runAuditedCommand<T>(deps: AuditedCommandDeps, command: AuditedCommand<T>): Promise<T> {
  const { user, origin, action, target } = command;
  const entry = (details: Record<string, unknown>): AuditEntry => ({
    ...origin,
    actorId: user.id,
    actorEmail: user.email,
    action,
    target,
    details: { ...command.details, ...details },
  });
  const write = async (audit: AuditEntry) => {
    try {
      await deps.recordAudit(audit);
    } catch (error) {
      deps.auditFailed(error, audit);
    }
  };
  let result: T;
  try {
    result = await command.run();
  } catch (error) {
    await write(entry({ outcome: error instanceof AppError ? error.code : 'internal' }));
    throw error;
  }
  await write(entry({ outcome: 'ok', ...command.describe?.(result) }));
  return result;
}
