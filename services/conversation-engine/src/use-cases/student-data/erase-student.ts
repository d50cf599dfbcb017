import type { Actor, Erasure } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { lockConversationByStudent } from '../../db/repositories/conversations.repository';
import { tablesAboutStudents, countRowsAbout } from '../../db/repositories/student-data.repository';
import {
  deleteConversationRow,
  deleteParkedEventsAbout,
  deletePendingStatuses,
  deleteRowsAbout,
  erasureFacts,
  insertErasure,
} from '../../db/repositories/student-erasure.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { subjectHashes } from '../../domain/privacy/subject-hash';
import { noChanges, type Changes, type Committed } from '../shared/changes';

export interface EraseStudentDeps {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  newId: () => string;
  /** Removes the sender's jobs with these ids from its queues (never throws; says how many it could not: being sent). */
  removeSenderJobs(jobIds: readonly string[]): Promise<{ removed: number; inFlight: number }>;
  /** Tells consoles the conversation is gone (conversation.erased); never throws. */
  publishErased(student: { phoneNumber: string | null; userId: string | null }): void;
}

/** The sender keeps failed jobs 7 days (FAILED_JOB_RETENTION); a day more for the clocks. */
const SEND_JOBS_KEPT_MS = 8 * 24 * 60 * 60 * 1000;

/**
 * Erases a student everywhere the engine keeps them, in one transaction under the conversation's lock (the
 * lock the student's own messages take, so none is half-handled meanwhile): every row of every table about
 * them (found by their conversation_id column, so later tables are not missed), their conversation, the
 * pending statuses of their messages and the parked events naming them. Kept: the tombstone (a hash of each
 * id, who erased them, when, how many rows went, no content), and the media store keys still to delete.
 *
 * The inbound dedupe rows of their messages stay, until the usual retention prunes them: they hold Meta's
 * message ids only (no content), and they are what makes Meta's redelivery of an old message (Meta retries
 * for up to 7 days, the rows last at least 8) a duplicate that brings nothing back. A new message from the
 * same person has a new id: it starts a new conversation, as a first message would (they came back).
 *
 * After the commit, their jobs leave the sender's queues (a job being sent at that instant cannot be stopped:
 * counted as in flight), and consoles are told to drop the conversation.
 */
export async function eraseStudent(
  deps: EraseStudentDeps,
  request: { actor: Actor; student: string },
): Promise<Committed<{ erasure: Erasure; phone_number: string | null; user_id: string | null }>> {
  const erasedAt = deps.now();
  const id = deps.newId();
  const done = await deps.db.transaction().execute(async (trx) => {
    const conversation = await lockConversationByStudent(trx, request.student);
    if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
    const facts = await erasureFacts(trx, conversation.id, new Date(erasedAt.getTime() - SEND_JOBS_KEPT_MS));
    const removed: Record<string, number> = {};
    const tables = await tablesAboutStudents(trx);
    for (const table of tables) removed[table] = await countRowsAbout(trx, table, conversation.id);
    // Children first would not matter (foreign keys cascade); explicit deletes also reach tables without one (outbox).
    for (const table of tables) await deleteRowsAbout(trx, table, conversation.id);
    removed['conversations'] = await deleteConversationRow(trx, conversation.id);
    removed['pending_statuses'] = await deletePendingStatuses(trx, facts.wamids);
    const ids = [conversation.phone_number, conversation.user_id].filter((v): v is string => v !== null);
    removed['parked_events'] = await deleteParkedEventsAbout(trx, ids);
    removed['media_objects'] = facts.storageKeys.length;
    const hashes = subjectHashes({ phoneNumber: conversation.phone_number, userId: conversation.user_id });
    await insertErasure(trx, {
      id,
      subjectHashes: hashes,
      erasedAt,
      erasedBy: { id: request.actor.id, name: request.actor.name },
      removed,
      storageKeys: facts.storageKeys,
    });
    return { conversation, facts, removed, hashes };
  });

  const jobs = await deps.removeSenderJobs(done.facts.jobIds);
  const student = { phoneNumber: done.conversation.phone_number, userId: done.conversation.user_id };
  deps.publishErased(student);
  const assignee = done.facts.openChat?.assigned_admin_id;
  const changes: Changes = {
    ...noChanges(),
    queueChanged: done.facts.openChat?.status === 'waiting',
    ...(assignee ? { agents: [assignee] } : {}),
  };
  return {
    outcome: {
      erasure: {
        id,
        subject_hash: done.hashes[0] ?? '',
        erased_at: erasedAt.toISOString(),
        removed: done.removed,
        jobs_removed: jobs.removed,
        jobs_in_flight: jobs.inFlight,
        media_pending: done.facts.storageKeys.length,
      },
      phone_number: student.phoneNumber,
      user_id: student.userId,
    },
    changes,
  };
}
