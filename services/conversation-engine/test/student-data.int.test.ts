import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { buildTextMessage, pollUntil, sender } from '@app/testing';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { registeredStudent, type StudentTalking } from './student-driver';

const sha = (id: string) => createHash('sha256').update(`school-chat-support/erased-student/v1:${id}`).digest('hex');

/** Every row of every table of the engine's schema, as JSON text, with its table. */
async function everyRow(h: EngineHarness): Promise<{ table: string; row: string }[]> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(h.db);
  const all: { table: string; row: string }[] = [];
  for (const { table_name: table } of tables) {
    const { rows } = await sql<{ row: string }>`select to_jsonb(t)::text as row from ${sql.table(table)} t`.execute(h.db);
    all.push(...rows.map((r) => ({ table, row: r.row })));
  }
  return all;
}

/** Every job of both sender queues, in any state, as JSON text of its id and data. */
async function everyJob(h: EngineHarness): Promise<string[]> {
  const jobs = [...(await h.queue.getJobs()), ...(await h.mediaQueue.getJobs())];
  return jobs.map((j) => JSON.stringify({ id: j.id, data: j.data }));
}

describe("a student's data over the engine RPC: history, subject access, erasure", () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world));

  /** A registered student with a support chat, an agent's message, a private note, a stored file and a homework-free history. */
  async function seededStudent(name: string): Promise<StudentTalking> {
    const student = await registeredStudent(h, name);
    await student.says('support');
    await admin.ok('claimChat', { actor: JOHN, student: student.phone, correlationId: correlationId() });
    await admin.ok('sendMessage', {
      actor: JOHN,
      student: student.phone,
      message: `Hello ${name}, <b>how</b> can I help?`,
      idempotency_key: correlationId(),
      correlationId: correlationId(),
    });
    await admin.ok('addNote', { actor: JOHN, student: student.phone, text: `Note about ${name}`, correlationId: correlationId() });
    await student.sendsImage({
      id: `media-${name.replace(/\W/g, '')}`,
      mime_type: 'image/jpeg',
      sha256: 'a'.repeat(64),
      caption: 'my work',
    });
    return student;
  }

  it('pages the history oldest first, within a range, with the student named as registered', async () => {
    const student = await seededStudent('Quentin Okafor');
    const all = (await h.conversationRows(student.phone)).messages;
    const first = await admin.ok('studentHistory', { actor: MARY, student: student.phone, limit: 5 });
    expect(first.student).toEqual({ phone_number: student.phone, user_id: null, username: null, student_name: 'Quentin Okafor' });
    expect(first.items.map((m) => m.id)).toEqual(all.slice(0, 5).map((m) => m.id));
    const pages = [first];
    while (pages.at(-1)?.next_cursor)
      pages.push(
        await admin.ok('studentHistory', { actor: MARY, student: student.phone, limit: 5, after: pages.at(-1)?.next_cursor ?? undefined }),
      );
    const items = pages.flatMap((p) => p.items);
    expect(items.map((m) => m.id)).toEqual(all.map((m) => m.id));
    expect(items.find((m) => m.type === 'note')?.private).toBe(true);
    expect(items.find((m) => m.media)?.media).toMatchObject({ kind: 'image', caption: 'my work', status: 'pending' });

    const middle = all[3]!.created_at;
    const ranged = await admin.ok('studentHistory', { actor: MARY, student: student.phone, from: middle.toISOString(), limit: 200 });
    expect(ranged.items.every((m) => new Date(m.created_at) >= middle)).toBe(true);
    expect(ranged.items.length).toBeLessThan(all.length);
    expect(await admin.refusal('studentHistory', { actor: MARY, student: student.phone, after: 'bm9wZQ' })).toMatchObject({
      code: 'invalid_request',
    });
    expect(await admin.refusal('studentHistory', { actor: MARY, student: '2349999999999' })).toMatchObject({ code: 'not_found' });
  });

  it('lists every table holding rows about the student and pages their rows with every column', async () => {
    const student = await seededStudent('Rosa Adeyemi');
    const { conversation, tables } = await admin.ok('studentDataTables', { actor: MARY, student: student.phone });
    expect(conversation).toMatchObject({ phone_number: student.phone, profile_name: 'Test Student' });
    const counts = Object.fromEntries(tables.map((t) => [t.name, t.rows]));
    const stored = (await h.conversationRows(student.phone)).messages;
    expect(counts).toMatchObject({ messages: stored.length, students: 1, support_chats: 1, message_media: 1 });

    const rows: Record<string, unknown>[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: { rows: Record<string, unknown>[]; next_offset: number | null } = await admin.ok('studentDataRows', {
        actor: MARY,
        student: student.phone,
        table: 'messages',
        offset,
        limit: 4,
      });
      rows.push(...page.rows);
      offset = page.next_offset;
    }
    expect(rows.map((r) => r['id']).sort()).toEqual(stored.map((m) => m.id).sort());
    expect(rows[0]).toHaveProperty('content');
    const profile = await admin.ok('studentDataRows', { actor: MARY, student: student.phone, table: 'students' });
    expect(profile.rows).toEqual([expect.objectContaining({ name: 'Rosa Adeyemi', email: 'ada@example.com' })]);
    expect(await admin.refusal('studentDataRows', { actor: MARY, student: student.phone, table: 'bot_texts' })).toMatchObject({
      code: 'invalid_request',
    });
  });

  it('erases the student from every table and both queues, keeps a tombstone of hashes, and a redelivery brings nothing back', async () => {
    const bystander = await registeredStudent(h, 'Bola Bystander');
    const student = await seededStudent('Xavier Erasmus');
    const before = await h.conversationRows(student.phone);
    const conversationId = before.conversation!.id;
    // What a sender would have left: a stored file, a status that came before its send result, a parked event.
    const image = before.messages.find((m) => m.type === 'image')!;
    await h.db
      .updateTable('message_media')
      .set({ status: 'stored', storage_key: `media/${image.id}`, size: 3 })
      .where('message_id', '=', image.id)
      .execute();
    const sent = before.messages.find((m) => m.author === 'agent' && m.type !== 'note')!;
    await h.db.updateTable('messages').set({ wamid: 'wamid.SENT-TO-XAVIER' }).where('id', '=', sent.id).execute();
    await h.db
      .insertInto('pending_statuses')
      .values({ wamid: 'wamid.SENT-TO-XAVIER', status: 'delivered', error: null, pricing: null })
      .execute();
    await h.db
      .insertInto('parked_events')
      .values({
        id: crypto.randomUUID(),
        source: 'inbound',
        subject: 'x',
        stream_seq: 1,
        phone_number: student.phone,
        payload: `{"from":"${student.phone}"}`,
        error: 'boom',
        attempts: 5,
      })
      .execute();
    const jobsBefore = await everyJob(h);
    expect(jobsBefore.some((j) => j.includes(student.phone))).toBe(true);
    const identifying = [student.phone, conversationId, 'Xavier Erasmus'];

    const erased = await admin.ok('eraseStudent', { actor: MARY, student: student.phone, correlationId: correlationId() });

    expect(erased.phone_number).toBe(student.phone);
    expect(erased.erasure).toMatchObject({ subject_hash: sha(student.phone), media_pending: 1, jobs_in_flight: 0 });
    expect(erased.erasure.removed).toMatchObject({
      conversations: 1,
      messages: before.messages.length,
      students: 1,
      support_chats: 1,
      message_media: 1,
      pending_statuses: 1,
      parked_events: 1,
      media_objects: 1,
    });
    expect(erased.erasure.jobs_removed).toBeGreaterThan(0);
    const leftovers = (await everyRow(h)).filter(({ row }) => identifying.some((id) => row.includes(id)));
    expect(leftovers).toEqual([]);
    expect((await everyJob(h)).filter((j) => j.includes(student.phone))).toEqual([]);
    expect((await everyJob(h)).some((j) => j.includes(bystander.phone))).toBe(true);
    expect(await bystander.conversation()).toBeDefined();
    const tombstone = await h.db.selectFrom('student_erasures').selectAll().executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({ subject_hashes: [sha(student.phone)], erased_by_id: MARY.id, erased_by_name: MARY.name });
    // The dedupe rows of their messages stay (Meta's ids only): what makes a redelivery a duplicate.
    const inbound = before.messages.filter((m) => m.direction === 'inbound');
    const dedupe = await h.db
      .selectFrom('inbound_dedupe')
      .select('event_id')
      .where(
        'event_id',
        'in',
        inbound.map((m) => m.wamid!),
      )
      .execute();
    expect(dedupe).toHaveLength(inbound.length);
    await pollUntil(() => admin.events.find((e) => e.event === 'conversation.erased' && e.phone_number === student.phone), {
      message: 'conversation.erased published',
    });

    // The media store keys wait for admin-api, and are forgotten once it says they are deleted.
    expect(await admin.ok('erasedMedia', { actor: MARY })).toEqual({ keys: [`media/${image.id}`] });
    expect(await admin.ok('erasedMedia', { actor: MARY, deleted: [`media/${image.id}`] })).toEqual({ keys: [] });

    // Meta redelivers their old messages (after JetStream's duplicate window), then they write anew.
    for (const m of inbound) await h.publishMessage(m.content as Record<string, unknown>, { msgID: `redelivery-${m.wamid}` });
    const fresh = buildTextMessage({ ...sender({ phone: student.phone }), text: 'hello again' });
    await h.publishMessage(fresh);
    await pollUntil(async () => (await h.conversationRows(student.phone)).messages.some((m) => m.wamid === fresh.id), {
      message: 'the new message processed',
    });
    const after = await h.conversationRows(student.phone);
    expect(after.conversation!.id).not.toBe(conversationId);
    expect(after.messages.filter((m) => m.direction === 'inbound').map((m) => m.text)).toEqual(['hello again']);
    expect(await student.profile()).toBeUndefined();
  });

  it('refuses to erase a student it does not know', async () => {
    expect(await admin.refusal('eraseStudent', { actor: MARY, student: '2348000000001', correlationId: correlationId() })).toMatchObject({
      code: 'not_found',
    });
  });
});
