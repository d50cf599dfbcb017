import { sql, type Kysely, type Transaction } from 'kysely';
import type { AvailabilityChoice } from '../tables/assignment-tables';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** How far back an ended chat still counts for its agent's idle time (bounded read of the index). */
const IDLE_LOOKBACK_MS = 24 * 3600_000;

export interface AgentRow {
  id: string;
  name: string;
  availability: AvailabilityChoice;
  capacity: number;
  seen_until: Date | null;
  last_seen_at: Date | null;
  /** The later of the stored idle_since and the end of their last chat. */
  idle_since: Date;
  load: number;
}

/**
 * Agents with their load and idle time, read in one statement. `ids` limits it (undefined: all, by name).
 * Load: their active chats. Idle: the latest of their last assignment (stored, or an active chat's claim by
 * hand) and their last chat's end.
 */
export async function findAgents(db: Db, now: Date, ids?: readonly string[]): Promise<AgentRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('agents as a')
    .select(['a.id', 'a.name', 'a.availability', 'a.capacity', 'a.seen_until', 'a.last_seen_at'])
    .select((eb) => [
      eb
        .selectFrom('support_chats as sc')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('sc.assigned_admin_id', '=', 'a.id')
        .where('sc.status', '=', 'active')
        .as('load'),
      sql<Date>`greatest(a.idle_since, (select max(coalesce(x.assigned_at, x.claimed_at)) from support_chats x where x.assigned_admin_id = a.id and x.status = 'active'), (select max(e.ended_at) from support_chats e where e.assigned_admin_id = a.id and e.status = 'ended' and e.ended_at > ${new Date(now.getTime() - IDLE_LOOKBACK_MS)}))`.as(
        'idle_since',
      ),
    ])
    .orderBy('a.name')
    .orderBy('a.id');
  if (ids) query = query.where('a.id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, load: Number(r.load ?? 0), idle_since: new Date(r.idle_since) }));
}

/**
 * Locks the rows of the agents who are available now, in id order (two offers lock them in the same order:
 * no deadlock). Taken after the conversation's lock, never before: every assignment writer takes the
 * student's conversation first, then agents, so capacity is read and used by one writer at a time.
 */
export async function lockAvailableAgents(trx: Transaction<EngineDatabase>, now: Date): Promise<string[]> {
  const rows = await trx
    .selectFrom('agents')
    .select('id')
    .where('availability', '=', 'available')
    .where('seen_until', '>', now)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** Whether anyone could take a chat now (available, present); a cheap read before any lock is taken. */
export async function anyAgentAvailable(db: Db, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('agents')
    .select('id')
    .where('availability', '=', 'available')
    .where('seen_until', '>', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function lockAgent(trx: Transaction<EngineDatabase>, id: string) {
  return trx.selectFrom('agents').select(['id', 'name', 'availability', 'seen_until']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Marks a fresh start of idle time (an assignment, or a chat handed back or taken away). */
export async function touchAgentIdle(db: Db, id: string, at: Date) {
  await db.updateTable('agents').set({ idle_since: at, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function setAgentAvailability(
  db: Db,
  agent: { id: string; name: string },
  availability: AvailabilityChoice,
  presence: { seenUntil: Date | null; at: Date },
) {
  await db
    .insertInto('agents')
    .values({
      id: agent.id,
      name: agent.name,
      availability,
      seen_until: presence.seenUntil,
      last_seen_at: presence.seenUntil ? presence.at : null,
      idle_since: presence.at,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: agent.name,
        availability,
        // Signing out (offline) ends presence at once; choosing available or away from a console proves one is open.
        seen_until: presence.seenUntil,
        last_seen_at: presence.seenUntil ? presence.at : sql`agents.last_seen_at`,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export async function setAgentCapacity(db: Db, agent: { id: string; name: string }, capacity: number, at: Date) {
  await db
    .insertInto('agents')
    .values({ id: agent.id, name: agent.name, capacity, idle_since: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ capacity, updated_at: new Date() }))
    .execute();
}

/**
 * Presence: these users have a console open; each stays online until `seenUntil`. Answers the ids that were
 * offline before (never seen, or expired) and are available by choice: they may take waiting chats now.
 */
export async function recordPresence(db: Db, users: readonly { id: string; name: string }[], at: Date, seenUntil: Date): Promise<string[]> {
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const before = await db.selectFrom('agents').select(['id', 'seen_until', 'availability']).where('id', 'in', ids).execute();
  const wasOnline = new Set(before.filter((r) => r.seen_until !== null && r.seen_until.getTime() > at.getTime()).map((r) => r.id));
  const rows = await db
    .insertInto('agents')
    .values(users.map((u) => ({ id: u.id, name: u.name, seen_until: seenUntil, last_seen_at: at, idle_since: at })))
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ name: sql`excluded.name`, seen_until: sql`greatest(agents.seen_until, excluded.seen_until)`, last_seen_at: at }),
    )
    .returning(['id', 'availability'])
    .execute();
  return rows.filter((r) => r.availability === 'available' && !wasOnline.has(r.id)).map((r) => r.id);
}
