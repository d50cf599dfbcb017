import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Kysely, Transaction } from 'kysely';
import type { BotContentRows } from '../../domain/bot';
import type { EngineDatabase } from './database';

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
