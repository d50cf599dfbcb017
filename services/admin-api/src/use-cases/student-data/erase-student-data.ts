import type { Erasure } from '@app/contracts';
import { actorOf } from '../../domain/actor';
import type { AdminUser } from '../../domain/admin-user';
import type { AuditEntry, RequestOrigin } from '../../domain/audit';
import type { EngineGateway } from '../../domain/engine-gateway';
import { AppError } from '../../domain/errors';
import type { AuditedCommandDeps } from '../run-audited-command';

export interface EraseDeps extends AuditedCommandDeps {
  engine: Pick<EngineGateway, 'eraseStudent' | 'erasedMedia'>;
  deleteMedia(key: string): Promise<void>;
  scrubAuditAbout(ids: readonly string[], erasureId: string): Promise<number>;
  logMediaFailure(error: unknown): void;
  logScrubFailure(error: unknown): void;
}

export interface EraseInput {
  user: AdminUser;
  origin: RequestOrigin;
  correlationId: string;
  student: string;
  /** The student's id typed again: an erasure cannot be undone. */
  confirm: string;
}

export interface EraseResult {
  erasure: Erasure;
  media_deleted: number;
  /** Files still to delete (the media store failed); the next erasure finishes them. */
  media_pending: number;
  /** Null when the audit log could not be scrubbed (logged; the entries about them still name them). */
  audit_entries_scrubbed: number | null;
}

/** Batches of media keys deleted per request; what is left waits for the next erasure (the keys stay in the engine). */
const MAX_MEDIA_BATCHES = 50;

/** Deletes the erased students' files from the media store, confirming each batch to the engine. */
async function deleteErasedMedia(
  deps: EraseDeps,
  actor: ReturnType<typeof actorOf>,
  correlationId: string,
): Promise<{ deleted: number; pending: number }> {
  let deleted = 0;
  let done: string[] = [];
  for (let batch = 0; batch < MAX_MEDIA_BATCHES; batch += 1) {
    const { keys } = await deps.engine.erasedMedia({ actor, deleted: done }, correlationId);
    if (keys.length === 0) return { deleted, pending: 0 };
    done = [];
    try {
      for (const key of keys) {
        await deps.deleteMedia(key);
        done.push(key);
      }
    } catch (error) {
      deps.logMediaFailure(error);
      await deps.engine.erasedMedia({ actor, deleted: done }, correlationId);
      return { deleted: deleted + done.length, pending: keys.length - done.length };
    }
    deleted += done.length;
  }
  const { keys } = await deps.engine.erasedMedia({ actor, deleted: done }, correlationId);
  return { deleted, pending: keys.length };
}

/**
 * Erases a student everywhere (admins only, the id typed again): the engine deletes every row about them and
 * their queued jobs and keeps a tombstone; then their files leave the media store, and the audit entries about
 * them stop naming them (who did what and when stays). The erasure's own entry names the erasure and the
 * tombstone's hash, never the student's ids, and says what was removed (counts, no content). A refusal (not
 * found, engine down) is audited with the id asked for, as any refused command; nothing was erased then.
 */
export async function eraseStudentData(deps: EraseDeps, input: EraseInput): Promise<EraseResult> {
  const { user, origin, correlationId, student } = input;
  if (input.confirm.trim() !== student)
    throw new AppError('invalid_request', "confirm must repeat the student's id exactly: erasing cannot be undone");
  const actor = actorOf(user);
  const entry = (target: string, details: Record<string, unknown>): AuditEntry => ({
    ...origin,
    actorId: user.id,
    actorEmail: user.email,
    action: 'student.erased',
    target,
    details: { correlation_id: correlationId, ...details },
  });
  const write = async (audit: AuditEntry) => {
    try {
      await deps.recordAudit(audit);
    } catch (error) {
      deps.auditFailed(error, audit);
    }
  };
  let erased;
  try {
    erased = await deps.engine.eraseStudent({ actor, student, correlationId }, correlationId);
  } catch (error) {
    await write(entry(student, { outcome: error instanceof AppError ? error.code : 'internal' }));
    throw error;
  }
  const { erasure } = erased;
  const ids = [erased.phone_number, erased.user_id].filter((id): id is string => id !== null);
  // The engine has erased them: a failure from here on is reported in the answer and the audit, never thrown
  // (a retry would find nothing to erase).
  const scrubbed = await deps.scrubAuditAbout(ids, erasure.id).catch((error: unknown) => {
    deps.logScrubFailure(error);
    return null;
  });
  const media = await deleteErasedMedia(deps, actor, correlationId).catch((error: unknown) => {
    deps.logMediaFailure(error);
    return { deleted: 0, pending: erasure.media_pending };
  });
  await write(
    entry(`erasure:${erasure.id}`, {
      outcome: 'ok',
      erasure_id: erasure.id,
      subject_hash: erasure.subject_hash,
      removed: erasure.removed,
      jobs_removed: erasure.jobs_removed,
      jobs_in_flight: erasure.jobs_in_flight,
      media_deleted: media.deleted,
      media_pending: media.pending,
      audit_entries_scrubbed: scrubbed,
    }),
  );
  return { erasure, media_deleted: media.deleted, media_pending: media.pending, audit_entries_scrubbed: scrubbed };
}
