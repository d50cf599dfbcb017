import { sql, type Kysely, type Transaction } from 'kysely';
import type { Agent } from '../../domain/support/lifecycle';
import type { EngineDatabase } from '../database';
import { insertMessage } from './messages.repository';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** The chat becomes active and the agent's; claimed_at keeps the first claim (waited_seconds: the first wait). */
export async function assignSupportChat(db: Db, id: string, agent: Agent, at: Date) {
  await db
    .updateTable('support_chats')
    .set({
      status: 'active',
      assigned_admin_id: agent.id,
      assigned_admin_name: agent.name,
      assigned_at: at,
      claimed_at: sql`coalesce(claimed_at, ${at})`,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Back in line, in its first place (its seq): it has waited longest. The place told is set to the front so
 * the student is not told a place again: going back to the queue is the team's affair, not the student's.
 */
export async function returnChatToQueue(db: Db, id: string, at: Date, passedBy: string | null) {
  await db
    .updateTable('support_chats')
    .set({
      status: 'waiting',
      assigned_admin_id: null,
      assigned_admin_name: null,
      assigned_at: null,
      passed_by: passedBy,
      queue_position_told: 1,
      queue_position_told_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function setPassedBy(db: Db, id: string, agentId: string) {
  await db.updateTable('support_chats').set({ passed_by: agentId }).where('id', '=', id).execute();
}

export async function recordAgentReply(db: Db, id: string, at: Date) {
  await db.updateTable('support_chats').set({ agent_replied_at: at }).where('id', '=', id).execute();
}

/** The front of the line (chat and conversation ids), at most `limit`. */
export async function frontOfLine(db: Db, limit: number) {
  return db
    .selectFrom('support_chats')
    .select(['id', 'conversation_id', 'passed_by'])
    .where('status', '=', 'waiting')
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/**
 * Active chats assigned before `cutoff`, with what auto-reassign decides on: when the assignee got the
 * chat, when an agent last wrote, and the student's first message after that. Oldest first, at most `limit`.
 */
export async function activeChatsAssignedBefore(db: Db, cutoff: Date, limit: number, only?: string) {
  let query = db
    .selectFrom('support_chats as sc')
    .select(['sc.id', 'sc.conversation_id', 'sc.agent_replied_at'])
    .select((eb) => [
      eb.fn.coalesce('sc.assigned_at', 'sc.claimed_at').$castTo<Date>().as('assigned_at'),
      sql<Date | null>`(select min(m.created_at) from messages m where m.conversation_id = sc.conversation_id and m.direction = 'inbound' and m.created_at > sc.agent_replied_at)`.as(
        'first_inbound_after_reply',
      ),
    ])
    .where('sc.status', '=', 'active')
    .where(sql<boolean>`coalesce(sc.assigned_at, sc.claimed_at) <= ${cutoff}`)
    .orderBy(sql`coalesce(sc.assigned_at, sc.claimed_at)`)
    .limit(limit);
  if (only) query = query.where('sc.id', '=', only);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, first_inbound_after_reply: r.first_inbound_after_reply ? new Date(r.first_inbound_after_reply) : null }));
}

/** The median wait (request to claim) of chats claimed since `since`, and how many there were. */
export async function recentWaits(db: Db, since: Date): Promise<{ medianWaitSeconds: number | null; chats: number }> {
  const row = await db
    .selectFrom('support_chats')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      sql<number | null>`percentile_cont(0.5) within group (order by waited_seconds)`.as('median'),
    ])
    .where('claimed_at', '>=', since)
    .executeTakeFirstOrThrow();
  return { medianWaitSeconds: row.median === null ? null : Number(row.median), chats: Number(row.n) };
}

/** A line in the thread for the team (type `assignment`): stored, never sent (no outbox row), so never queued. */
export async function insertAssignmentLine(
  db: Db,
  line: { id: string; conversationId: string; text: string; at: Date; correlationId: string },
) {
  await insertMessage(db, {
    id: line.id,
    conversation_id: line.conversationId,
    direction: 'outbound',
    author: 'system',
    type: 'assignment',
    text: line.text,
    content: JSON.stringify({ kind: 'assignment', text: line.text }),
    wamid: null,
    status: 'sent',
    error: null,
    agent_id: null,
    agent_name: null,
    correlation_id: line.correlationId,
    created_at: line.at,
  });
}
