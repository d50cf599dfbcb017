import { sql, type Transaction } from 'kysely';
import { PREPARED } from '@app/db';
import type { EngineDatabase } from '../database';
import type { MessageStatus } from '../../domain/message-status';
import { readyNextAfterCompleted } from './outbox.repository';
import { lockWamid } from './pending-statuses.repository';

// Set-based statements for a batch of send results: a handful per batch instead of several per result.

type Trx = Transaction<EngineDatabase>;

/** A message a send result is about, as the result's decision reads it (locked until commit). */
interface MessageForUpdate {
  id: string;
  status: MessageStatus;
  wamid: string | null;
  error: { code: number; title: string } | null;
  conversation_id: string;
  send_retry: number;
  created_at: Date;
}

interface PendingStatusRow {
  wamid: string;
  status: string;
  error: { code: number; title: string } | null;
  pricing: { type: string | null; category: string | null; pricedAt: string } | null;
}

/** What a batch of send results finds before deciding, in one statement (openSendResults). */
export interface OpenedSendResults {
  /** Result event ids seen for the first time (the others are redeliveries). */
  claimed: Set<string>;
  /** The messages the fresh results are about, locked. */
  messages: MessageForUpdate[];
  /** Messages whose send row this completed now (the first result of each; a repeat finds it completed). */
  released: Set<string>;
  /** Conversations whose next send or mark-read became ready now: the relay has work. */
  readied: Set<string>;
  /** Statuses of the accepted wamids that arrived before them, taken to be applied now. */
  pending: PendingStatusRow[];
}

/**
 * Everything a batch of send results reads and claims before its decision, in two round trips (on this kind of
 * machine every statement costs more than what it does). The first claims the result ids (inbound dedupe) and
 * takes the wamid locks of the fresh accepted ones (serialising with a status webhook of the same wamid, see
 * lockWamids). The second must be a statement of its own: its snapshot is taken after those locks were
 * granted, so it sees a pending status that the webhook holding a lock committed meanwhile. It locks the
 * messages in id order, completes their send rows and readies each conversation's next send or mark-read
 * (completeOutboxRows' rule), and takes the statuses that raced ahead of the wamids. A redelivered result
 * claims nothing, so it locks, completes and takes nothing.
 */
export async function openSendResults(
  trx: Trx,
  results: readonly { eventId: string; messageId: string; wamid: string | null }[],
  at: Date,
): Promise<OpenedSendResults> {
  const empty: OpenedSendResults = { claimed: new Set(), messages: [], released: new Set(), readied: new Set(), pending: [] };
  if (results.length === 0) return empty;
  const { rows: claims } = await sql<{ claimed: string[] }>`${PREPARED}
    with claimed as (
      insert into inbound_dedupe (event_id) select unnest(${sql.val(results.map((r) => r.eventId))}::text[])
      on conflict (event_id) do nothing returning event_id),
    wamid_locks as (
      select count(${lockWamid(sql.raw('w'))}) as taken
      from (select distinct t.wamid as w
        from unnest(${sql.val(results.map((r) => r.eventId))}::text[], ${sql.val(results.map((r) => r.wamid))}::text[]) as t(event_id, wamid)
        where t.wamid is not null and t.event_id in (select event_id from claimed) order by 1) as sorted)
    select (select coalesce(array_agg(event_id), '{}') from claimed) as claimed, (select taken from wamid_locks) as taken`.execute(trx);
  const claimed = new Set(claims[0]?.claimed ?? []);
  const applied = results.filter((r) => claimed.has(r.eventId));
  if (applied.length === 0) return { ...empty, claimed };
  const { rows } = await sql<{
    messages: (Omit<MessageForUpdate, 'created_at'> & { created_at: string })[];
    released: string[];
    readied: string[];
    pending: PendingStatusRow[];
  }>`
    with found as (
      select m.id, m.status, m.wamid, m.error, m.conversation_id, m.send_retry, m.created_at from messages m
      where m.id = any(${sql.val(applied.map((r) => r.messageId))}::uuid[])
      order by m.id for update),
    completed as (
      update outbox set completed_at = ${at}
      where completed_at is null and kind = 'send' and message_id in (select id from found)
      returning id, message_id, conversation_id, kind),
    readied as (${readyNextAfterCompleted}),
    pending as (
      delete from pending_statuses where wamid = any(${sql.val(applied.flatMap((r) => (r.wamid === null ? [] : [r.wamid])))}::text[])
      returning wamid, status, error, pricing)
    select
      (select coalesce(json_agg(f), '[]') from found f) as messages,
      (select coalesce(array_agg(message_id), '{}') from completed) as released,
      (select coalesce(array_agg(distinct conversation_id), '{}') from readied) as readied,
      (select coalesce(json_agg(p), '[]') from pending p) as pending`.execute(trx);
  const row = rows[0];
  if (!row) return { ...empty, claimed };
  return {
    claimed,
    messages: row.messages.map((m) => ({ ...m, created_at: new Date(m.created_at) })),
    released: new Set(row.released),
    readied: new Set(row.readied),
    pending: row.pending,
  };
}

export interface DeliveryUpdate {
  id: string;
  status: MessageStatus;
  wamid: string | null;
  error: { code: number; title: string } | null;
  sendRetry: number;
}

/**
 * Each message's delivery as it now stands (every column given, the unchanged ones as they were). A message
 * that left `queued` loses its retry note: it is no longer late.
 */
export async function setMessageDeliveries(trx: Trx, updates: readonly DeliveryUpdate[]) {
  if (updates.length === 0) return;
  await sql`
    update messages m set status = v.status, wamid = v.wamid, error = v.error, send_retry = v.send_retry, updated_at = now(),
      retry_reason = case when v.status = 'queued' then m.retry_reason end, retry_code = case when v.status = 'queued' then m.retry_code end,
      retry_attempt = case when v.status = 'queued' then m.retry_attempt end, next_attempt_at = case when v.status = 'queued' then m.next_attempt_at end
    from unnest(${sql.val(updates.map((u) => u.id))}::uuid[], ${sql.val(updates.map((u) => u.status))}::text[],
      ${sql.val(updates.map((u) => u.wamid))}::text[], ${sql.val(updates.map((u) => (u.error ? JSON.stringify(u.error) : null)))}::jsonb[],
      ${sql.val(updates.map((u) => u.sendRetry))}::int[]) as v(id, status, wamid, error, send_retry)
    where m.id = v.id`.execute(trx);
}

export interface RetryNote {
  messageId: string;
  reason: string;
  code: number;
  attempt: number;
  nextAttemptAt: Date;
}

/**
 * Keeps the sender's note on a message still queued, unless it holds a later attempt's: by primary key, no
 * read first. A note arriving after the message was sent or failed, a repeat, or an older attempt's note
 * arriving late updates nothing (false). Concurrent with a send result, either order ends the same: the
 * result's update waits on this row lock, or this one re-reads the committed row and finds it not queued.
 */
export async function noteSendRetry(trx: Trx, note: RetryNote): Promise<boolean> {
  const updated = await trx
    .updateTable('messages')
    .set({
      retry_reason: note.reason,
      retry_code: note.code,
      retry_attempt: note.attempt,
      next_attempt_at: note.nextAttemptAt,
      updated_at: new Date(),
    })
    .where('id', '=', note.messageId)
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('retry_attempt', 'is', null), eb('retry_attempt', '<', note.attempt)]))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}
