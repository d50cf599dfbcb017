import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Kysely, Transaction } from 'kysely';
import { buildBotContent, type BotContent, type BotContentRows } from '../../domain/bot';
import type { EngineDatabase } from '../database';

/**
 * Every content table in one round trip (small tables: texts, FAQ, subjects, classes). Read inside the
 * message's transaction, so a school's edit applies from the next message on, never half-way through one.
 */
export async function loadBotContentRows(db: Kysely<EngineDatabase> | Transaction<EngineDatabase>): Promise<BotContentRows> {
  return db
    .selectNoFrom((eb) => [
      jsonArrayFrom(eb.selectFrom('bot_texts').select(['id', 'body'])).as('texts'),
      jsonArrayFrom(eb.selectFrom('faq_categories').select(['id', 'title', 'position'])).as('faqCategories'),
      jsonArrayFrom(eb.selectFrom('faq_entries').select(['id', 'category_id', 'question', 'answer', 'position'])).as('faqEntries'),
      jsonArrayFrom(eb.selectFrom('subjects').select(['id', 'title', 'position'])).as('subjects'),
      jsonArrayFrom(eb.selectFrom('classes').select(['id', 'title', 'position'])).as('classes'),
    ])
    .executeTakeFirstOrThrow();
}

/** The content's version: bumped by a trigger in the transaction of every write to a content table. */
async function botContentVersion(db: Kysely<EngineDatabase> | Transaction<EngineDatabase>): Promise<number> {
  const row = await db.selectFrom('bot_content_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}

/** The content at `version` (read in the caller's transaction when not given). */
export type BotContentSource = (db: Kysely<EngineDatabase> | Transaction<EngineDatabase>, version?: number) => Promise<BotContent>;

/**
 * The bot's content, read again only when its version moved: one primary-key read per call instead of five
 * tables. Called inside the caller's transaction, so an edit applies from the next batch on, never half-way.
 */
export function cachedBotContent(): BotContentSource {
  let cached: { version: number; content: BotContent } | undefined;
  return async (db, known) => {
    const version = known ?? (await botContentVersion(db));
    if (cached?.version === version) return cached.content;
    const content = buildBotContent(await loadBotContentRows(db));
    cached = { version, content };
    return content;
  };
}
