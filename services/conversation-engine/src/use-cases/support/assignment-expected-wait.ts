import type { OutboundMessageInput } from '@app/contracts';
import type { Kysely } from 'kysely';
import { recentWaits } from '../../adapters/db/assignment.repository';
import type { EngineDatabase } from '../../adapters/db/database';
import { describeWait, expectedWaitSeconds, RECENT_WINDOW_MS } from '../../domain/support/assignment-wait';

/**
 * Adds the expected wait to a place-in-line message, from the chats claimed in the last hours (one indexed
 * read per refresh, on support_chats.claimed_at) and the agents available now. Unchanged when there is no
 * recent data to go by.
 */
export async function expectedWaitWording(db: Kysely<EngineDatabase>, now: Date): Promise<(message: OutboundMessageInput, position: number) => OutboundMessageInput> {
  const recent = await recentWaits(db, new Date(now.getTime() - RECENT_WINDOW_MS));
  const available = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('availability', '=', 'available')
    .where('seen_until', '>', now)
    .executeTakeFirstOrThrow();
  return (message, position) => {
    const seconds = expectedWaitSeconds(recent, position, Number(available.n));
    if (seconds === null || message.kind !== 'text') return message;
    return { ...message, body: `${message.body} Expected wait: ${describeWait(seconds)}.` };
  };
}
