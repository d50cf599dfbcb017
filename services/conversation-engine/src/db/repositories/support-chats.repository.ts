import { sql, type Kysely, type Transaction } from 'kysely';
import type { Agent } from '../../domain/support/lifecycle';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

const OPEN = ['waiting', 'active'] as const;

/**
 * Opens a chat. The partial unique index allows one open chat per conversation; should one exist already
 * (it cannot while support_status mirrors it), nothing is inserted rather than failing the transaction.
 */
export async function insertSupportChat(
  db: Db,
  row: { conversationId: string; requestedBy: 'student' | 'agent'; at: Date; agent?: Agent; queuePositionTold?: number },
): Promise<string | undefined> {
  const inserted = await db
    .insertInto('support_chats')
    .values({
      conversation_id: row.conversationId,
      status: row.agent ? 'active' : 'waiting',
      requested_at: row.at,
      requested_by: row.requestedBy,
      assigned_admin_id: row.agent?.id ?? null,
      assigned_admin_name: row.agent?.name ?? null,
      claimed_at: row.agent ? row.at : null,
      queue_position_told: row.queuePositionTold ?? null,
      queue_position_told_at: row.queuePositionTold !== undefined ? row.at : null,
    })
    .onConflict((oc) => oc.column('conversation_id').where('status', 'in', OPEN).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export interface OpenChatRow {
  id: string;
  seq: number;
  conversation_id: string;
  requested_at: Date;
  status: 'waiting' | 'active';
  assigned_admin_id: string | null;
  assigned_admin_name: string | null;
  first_response_at: Date | null;
  queue_position_told: number | null;
  queue_position_told_at: Date | null;
}

/** The conversation's open chat. Callers hold the conversation's row lock, which every chat writer takes first. */
export async function findOpenChat(db: Db, conversationId: string): Promise<OpenChatRow | undefined> {
  const row = await db
    .selectFrom('support_chats')
    .select([
      'id',
      'seq',
      'conversation_id',
      'status',
      'requested_at',
      'assigned_admin_id',
      'assigned_admin_name',
      'first_response_at',
      'queue_position_told',
      'queue_position_told_at',
    ])
    .where('conversation_id', '=', conversationId)
    .where('status', 'in', OPEN)
    .executeTakeFirst();
  return row && row.status !== 'ended' ? { ...row, status: row.status } : undefined;
}

export async function claimSupportChat(db: Db, id: string, agent: Agent, at: Date) {
  await db
    .updateTable('support_chats')
    .set({ status: 'active', assigned_admin_id: agent.id, assigned_admin_name: agent.name, claimed_at: at })
    .where('id', '=', id)
    .execute();
}

/** The first message an admin wrote in the chat (reports: time to first response). */
export async function recordFirstResponse(db: Db, id: string, at: Date) {
  await db
    .updateTable('support_chats')
    .set({ first_response_at: at })
    .where('id', '=', id)
    .where('first_response_at', 'is', null)
    .execute();
}

export async function endSupportChat(
  db: Db,
  id: string,
  end: { by: 'student' | 'agent' | 'system'; reason: 'student' | 'agent' | 'service_window_closed'; at: Date; agent?: Agent },
) {
  await db
    .updateTable('support_chats')
    .set({
      status: 'ended',
      ended_at: end.at,
      ended_by: end.by,
      end_reason: end.reason,
      ended_by_admin_id: end.agent?.id ?? null,
      ended_by_admin_name: end.agent?.name ?? null,
    })
    .where('id', '=', id)
    .execute();
}

export async function countWaitingChats(db: Db): Promise<number> {
  const row = await db
    .selectFrom('support_chats')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The line, front first: in the order the chats were opened. */
export async function waitingChatsInOrder(db: Db) {
  return db
    .selectFrom('support_chats')
    .select(['id', 'conversation_id', 'queue_position_told', 'queue_position_told_at'])
    .where('status', '=', 'waiting')
    .orderBy('seq')
    .execute();
}

/** A waiting chat's place in line now (1 = next). */
export async function queuePositionOf(db: Db, chat: { seq: number }): Promise<number> {
  const row = await db
    .selectFrom('support_chats')
    .select((eb) => eb.fn.countAll<number>().as('ahead'))
    .where('status', '=', 'waiting')
    .where('seq', '<', chat.seq)
    .executeTakeFirstOrThrow();
  return Number(row.ahead) + 1;
}

export async function setQueuePositionTold(db: Db, id: string, position: number, at: Date) {
  await db.updateTable('support_chats').set({ queue_position_told: position, queue_position_told_at: at }).where('id', '=', id).execute();
}

/**
 * Open chats whose student's last message is older than `cutoff` (their 24-hour window has closed), with
 * their conversation and chat rows locked. SKIP LOCKED: replicas sweeping at once share the work, and a
 * conversation busy with an inbound message (which renews the window) is left for the next sweep.
 */
export async function lockOpenChatsPastWindow(trx: Transaction<EngineDatabase>, cutoff: Date, limit: number) {
  return trx
    .selectFrom('support_chats as sc')
    .innerJoin('conversations as c', 'c.id', 'sc.conversation_id')
    .select(['sc.id', 'sc.status', 'sc.conversation_id', 'c.bot_state'])
    .where('sc.status', 'in', OPEN)
    .where((eb) => eb.or([eb('c.last_inbound_at', '<=', cutoff), eb('c.last_inbound_at', 'is', null)]))
    .orderBy('sc.requested_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function supportStats(db: Db, todayStart: Date) {
  return db
    .selectFrom('support_chats')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'waiting').as('waiting'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'active').as('active'),
      eb.fn.min('requested_at').filterWhere('status', '=', 'waiting').as('oldest_waiting'),
      eb.fn.countAll<number>().filterWhere('requested_at', '>=', todayStart).as('today'),
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by first_response_seconds) filter (where requested_at >= ${todayStart})`.as(
        'median_first_response',
      ),
    ])
    .where((eb) => eb.or([eb('status', 'in', OPEN), eb('requested_at', '>=', todayStart)]))
    .executeTakeFirstOrThrow();
}
