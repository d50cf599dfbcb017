// Registered students and stored history, written straight into the engine's schema by SQL (fast, and the
// same rows the bot would have written): a registered student at the menu is a conversation with
// bot_state {"step":"menu"} and a students row.
import type pg from 'pg';

/** Phone digits of student i of a population: a prefix per population, then the index. */
export const phoneOf = (prefix: string, i: number) => `${prefix}${String(i).padStart(7, '0')}`;

export async function seedStudents(client: pg.Client, schema: string, prefix: string, count: number): Promise<string[]> {
  await client.query(
    `with created as (
       insert into "${schema}".conversations (phone_number, profile_name, bot_state)
       select $1 || lpad(i::text, 7, '0'), 'Bench Student', '{"step":"menu"}'::jsonb from generate_series(0, $2::int - 1) i
       returning id
     )
     insert into "${schema}".students (conversation_id, name, email, class_name)
     select id, 'Bench Student', 'student-' || id || '@school.test', 'Grade 9' from created`,
    [prefix, count],
  );
  return Array.from({ length: count }, (_, i) => phoneOf(prefix, i));
}

/**
 * `conversations` other registered students, each with `perConversation` stored messages (alternately the
 * student's and the bot's, with their dedupe rows and settled outbox rows), then ANALYZE so the planner sees
 * the sizes a long-running school would have.
 */
export async function seedHistory(
  client: pg.Client,
  schema: string,
  prefix: string,
  conversations: number,
  perConversation = 50,
): Promise<void> {
  const s = `"${schema}"`;
  await client.query(
    `insert into ${s}.conversations (phone_number, profile_name, bot_state, last_inbound_at, last_message_at, last_message_preview, created_at)
     select $1 || lpad(i::text, 7, '0'), 'History Student', '{"step":"menu"}'::jsonb, now() - interval '2 days', now() - interval '2 days', 'menu',
            now() - interval '30 days'
     from generate_series(0, $2::int - 1) i`,
    [prefix, conversations],
  );
  await client.query(
    `insert into ${s}.students (conversation_id, name, email, class_name)
     select id, 'History Student', 'history-' || id || '@school.test', 'Grade 8' from ${s}.conversations where phone_number like $1 || '%'`,
    [prefix],
  );
  await client.query(
    `insert into ${s}.messages (id, conversation_id, direction, author, type, text, content, wamid, status, created_at, updated_at)
     select gen_random_uuid(), c.id,
            case when j % 2 = 0 then 'inbound' else 'outbound' end,
            case when j % 2 = 0 then 'student' else 'bot' end,
            'text',
            case when j % 2 = 0 then 'menu' else 'What would you like to do?' end,
            jsonb_build_object('type', 'text', 'text', jsonb_build_object('body', 'menu')),
            case when j % 2 = 0 then 'wamid.hist.' else 'wamid.histout.' end || c.id || '.' || j,
            case when j % 2 = 0 then 'received' else 'read' end,
            now() - interval '30 days' + j * interval '10 minutes',
            now() - interval '30 days' + j * interval '10 minutes'
     from ${s}.conversations c cross join generate_series(0, $2::int - 1) j
     where c.phone_number like $1 || '%'
     order by c.id, j`,
    [prefix, perConversation],
  );
  await client.query(
    `insert into ${s}.inbound_dedupe (event_id, processed_at)
     select m.wamid, m.created_at from ${s}.messages m join ${s}.conversations c on c.id = m.conversation_id
     where c.phone_number like $1 || '%' and m.direction = 'inbound'`,
    [prefix],
  );
  await client.query(
    `insert into ${s}.outbox (id, message_id, conversation_id, kind, job, created_at, relayed_at, completed_at)
     select gen_random_uuid(), m.id, m.conversation_id, 'send', jsonb_build_object('kind', 'send', 'seeded', true), m.created_at, m.created_at, m.created_at
     from ${s}.messages m join ${s}.conversations c on c.id = m.conversation_id
     where c.phone_number like $1 || '%' and m.direction = 'outbound'`,
    [prefix],
  );
  await client.query(`analyze ${s}.conversations, ${s}.students, ${s}.messages, ${s}.inbound_dedupe, ${s}.outbox`);
}
