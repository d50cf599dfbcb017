import type { OutboundMessageInput } from '@app/contracts';
import type { Kysely, Transaction } from 'kysely';
import { recentWaits } from '../../db/repositories/assignment.repository';
import type { EngineDatabase } from '../../db/database';
import { withExpectedWait } from '../../domain/bot';
import { describeWait, expectedWaitSeconds, RECENT_WINDOW_MS } from '../../domain/support/assignment-wait';

/**
 * The expected wait at each place in line, in words, from the chats claimed in the last hours (one indexed
 * read on support_chats.claimed_at) and the agents available now; null where there is no recent data to go by.
 * Read when a student joins the line (their first place-in-line message) and on each refresh of the line.
 */
export async function loadExpectedWait(
  db: Kysely<EngineDatabase> | Transaction<EngineDatabase>,
  now: Date,
): Promise<(position: number) => string | null> {
  const recent = await recentWaits(db, new Date(now.getTime() - RECENT_WINDOW_MS));
  const available = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('availability', '=', 'available')
    .where('seen_until', '>', now)
    .executeTakeFirstOrThrow();
  return (position) => {
    const seconds = expectedWaitSeconds(recent, position, Number(available.n));
    return seconds === null ? null : describeWait(seconds);
  };
}

/** Adds the expected wait to a place-in-line message (text only); unchanged without an honest figure. */
export async function expectedWaitWording(
  db: Kysely<EngineDatabase>,
  now: Date,
): Promise<(message: OutboundMessageInput, position: number) => OutboundMessageInput> {
  const waitAt = await loadExpectedWait(db, now);
  return (message, position) =>
    message.kind === 'text' ? { ...message, body: withExpectedWait(message.body, waitAt(position)) } : message;
}
