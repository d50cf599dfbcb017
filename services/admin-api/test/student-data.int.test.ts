import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topology } from '@app/contracts';
import { createDb, sql, type Kysely } from '@app/db';
import {
  buildButtonReply,
  buildInboundWebhook,
  buildListReply,
  buildTextMessage,
  newPhone,
  newWamid,
  openEventStream,
  pollUntil,
  signIn,
  startSystem,
  testInfra,
  type AdminSession,
  type RunningSystem,
} from '@app/testing';

/** What this test reads of the engine's and admin-api's schemas (their own types are theirs). */
interface EngineTables {
  conversations: { id: string; phone_number: string | null };
  messages: { id: string; wamid: string | null; status: string; author: string; direction: string; text: string | null };
  message_media: { status: string };
  homework_submissions: { reference: string };
  students: { name: string };
}
interface ApiTables {
  audit_log: { id: number; action: string; target: string | null; actor_email: string; details: unknown };
}

/*
 * The whole system (gateway, engine, sender, admin-api, the fake Cloud API): a student registers, files
 * homework with a photo and chats with an agent through signed webhooks; then the transcript, the subject
 * access archive and the erasure are checked against what was seeded, and Meta's redelivery of the student's
 * old webhooks (same signatures, through the gateway) brings nothing back.
 */
describe("a student's data: transcript, subject access export, erasure", () => {
  let system: RunningSystem;
  let admin: AdminSession;
  let engineDb: Kysely<EngineTables>;
  let apiDb: Kysely<ApiTables>;
  let mediaDir: string;
  const phone = newPhone();
  const name = "Zainab O'Neil";
  const photo = randomBytes(20_000);
  const payloads: unknown[] = [];

  const say = async (message: Record<string, unknown>) => {
    const payload = buildInboundWebhook({ messages: [message], profileName: 'Zee' });
    payloads.push(payload);
    expect((await system.postWebhook(payload)).status).toBe(200);
    await pollUntil(
      async () =>
        (await engineDb.selectFrom('messages').select('id').where('wamid', '=', String(message['id'])).executeTakeFirst()) !== undefined,
      {
        message: `message ${String(message['id'])} stored`,
      },
    );
  };
  const text = (body: string) => say(buildTextMessage({ from: phone, text: body }));
  const download = (p: string) => fetch(`${system.url('admin-api')}${p}`, { headers: { authorization: `Bearer ${admin.token}` } });

  beforeAll(async () => {
    mediaDir = await mkdtemp(path.join(tmpdir(), 'student-data-media-'));
    system = await startSystem({ env: { MEDIA_DIR: mediaDir } });
    engineDb = createDb<EngineTables>({ url: testInfra.databaseUrl, schema: system.engineSchema, max: 2 });
    apiDb = createDb<ApiTables>({ url: testInfra.databaseUrl, schema: `${system.namespace}_admin_api`, max: 2 });
    admin = await signIn(system.url('admin-api'));

    await text('hi');
    await text(name);
    await text('zainab@example.com');
    await say(buildListReply({ from: phone, replyId: 'class:grade-9', title: 'Grade 9' }));
    await say(buildButtonReply({ from: phone, replyId: 'homework', title: 'Homework' }));
    await say(buildListReply({ from: phone, replyId: 'subject:maths', title: 'Mathematics' }));
    const media = system.fake.addMedia({ content: photo, mimeType: 'image/jpeg' });
    await say({
      from: phone,
      id: newWamid(),
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: 'image',
      image: { id: media.id, mime_type: 'image/jpeg', sha256: media.sha256, caption: 'page 1' },
    });
    await text('<img src=x onerror=alert(1)> support');
    const base = `/api/admin/conversations/${phone}/chat-support`;
    expect((await admin.call(`${base}/claim`, { method: 'POST' })).status).toBe(200);
    expect(
      (await admin.call(`${base}/send`, { method: 'POST', body: { message: 'Hi Zainab, <b>got</b> your "homework" & photo' } })).status,
    ).toBe(202);
    await pollUntil(async () => (await engineDb.selectFrom('message_media').select('status').executeTakeFirst())?.status === 'stored', {
      message: 'the photo stored',
    });
    await pollUntil(
      async () =>
        (await engineDb.selectFrom('messages').select('status').where('author', '=', 'agent').executeTakeFirst())?.status === 'sent',
      {
        message: "the agent's message sent",
      },
    );
  }, 120_000);

  afterAll(async () => {
    await engineDb?.destroy();
    await apiDb?.destroy();
    await system?.stop();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('writes the transcript as escaped HTML made to print, with authors, times in the stated zone and statuses', async () => {
    const res = await download(`/api/admin/conversations/${phone}/transcript?format=html&tz=Africa/Lagos`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="transcript-\d+-\d{4}-\d{2}-\d{2}\.html"$/);
    const html = await res.text();
    expect(html).toContain('Times in Africa/Lagos');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; support');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Hi Zainab, &lt;b&gt;got&lt;/b&gt; your &quot;homework&quot; &amp; photo');
    expect(html).toContain(`<td>Zainab O&#39;Neil</td>`);
    expect(html).toContain('<td>Bot</td>');
    expect(html).toContain('<td>admin</td>');
    expect(html).toMatch(/Attachment: image-[0-9a-f-]+ \(image\/jpeg, 20000 bytes\)/);
    expect(html).toMatch(/<span class="status">(sent|delivered|read)<\/span>/);
    const stored = await engineDb.selectFrom('messages').select('id').execute();
    expect(html.match(/<tr>|<tr class="note">/g)?.length).toBe(stored.length + 1);
  });

  it('writes the same content as JSON, and refuses a bad range or time zone', async () => {
    const res = await download(`/api/admin/conversations/${phone}/transcript?format=json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      time_zone: string;
      messages: { author: { kind: string; name: string }; text: string | null; status: string | null }[];
      count: number;
      truncated: boolean;
    };
    const stored = await engineDb.selectFrom('messages').select('id').execute();
    expect(body).toMatchObject({ time_zone: 'UTC', count: stored.length, truncated: false });
    expect(body.messages[0]).toMatchObject({ author: { kind: 'student', name }, text: 'hi', status: null });
    expect(body.messages.find((m) => m.author.kind === 'agent')).toMatchObject({
      author: { name: 'admin' },
      text: 'Hi Zainab, <b>got</b> your "homework" & photo',
    });
    expect((await download(`/api/admin/conversations/${phone}/transcript?tz=Mars/Olympus`)).status).toBe(400);
    expect((await download(`/api/admin/conversations/${phone}/transcript?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z`)).status).toBe(
      400,
    );
    expect((await download(`/api/admin/conversations/2340000000000/transcript`)).status).toBe(404);
  });

  it('exports everything held on the student as one archive: rows, files, audit entries, README and manifest', async () => {
    const res = await download(`/api/admin/students/${phone}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining([
        'README.md',
        'manifest.json',
        'conversation.json',
        'transcript.html',
        'audit.jsonl',
        'tables/messages.jsonl',
        'tables/students.jsonl',
      ]),
    );
    const lines = (file: string) =>
      strFromU8(files[file]!)
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);

    const messages = await engineDb.selectFrom('messages').select(['id', 'status']).execute();
    expect(
      lines('tables/messages.jsonl')
        .map((m) => [m['id'], m['status']])
        .sort(),
    ).toEqual(messages.map((m) => [m.id, m.status]).sort());
    expect(lines('tables/students.jsonl')).toEqual([expect.objectContaining({ name, email: 'zainab@example.com', class_name: 'Grade 9' })]);
    const homework = await engineDb.selectFrom('homework_submissions').select(['reference']).execute();
    expect(lines('tables/homework_submissions.jsonl').map((h) => h['reference'])).toEqual(homework.map((h) => h.reference));
    expect(lines('tables/support_chats.jsonl')).toEqual([expect.objectContaining({ status: 'active', assigned_admin_name: 'admin' })]);
    const photoFile = names.find((n) => n.startsWith('media/'));
    expect(photoFile).toBeDefined();
    expect(Buffer.from(files[photoFile!]!).equals(photo)).toBe(true);
    const audit = lines('audit.jsonl');
    const stored = await apiDb.selectFrom('audit_log').select(['id', 'action']).where('target', '=', phone).orderBy('id').execute();
    expect(audit.map((a) => [a['id'], a['action']])).toEqual(stored.map((a) => [a.id, a.action]));
    expect(audit.map((a) => a['action'])).toEqual(
      expect.arrayContaining(['chat.claimed', 'chat.message_sent', 'conversation.transcript_exported']),
    );
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      student: unknown;
      files: { path: string; rows?: number; bytes?: number }[];
    };
    expect(manifest.student).toEqual({ phone_number: phone, user_id: null });
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        { path: 'tables/messages.jsonl', rows: messages.length },
        { path: photoFile, bytes: photo.length },
      ]),
    );
    expect(strFromU8(files['README.md']!)).toContain('subject access');

    const exported = await apiDb.selectFrom('audit_log').selectAll().where('action', '=', 'student.exported').executeTakeFirst();
    expect(exported).toMatchObject({ target: phone, details: expect.objectContaining({ outcome: 'ok' }) });
  });

  it('erases the student from every store, scrubs the audit log, and redelivered webhooks bring nothing back', async () => {
    const conversation = await engineDb
      .selectFrom('conversations')
      .select('id')
      .where('phone_number', '=', phone)
      .executeTakeFirstOrThrow();
    const refused = await admin.call(`/api/admin/students/${phone}/erase`, { method: 'POST', body: { confirm: '2340000000000' } });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect(await readdir(mediaDir, { recursive: true })).not.toEqual([]);

    const events = await openEventStream(`${system.url('admin-api')}/api/admin/events`, { authorization: `Bearer ${admin.token}` });
    const erased = await admin.call(`/api/admin/students/${phone}/erase`, { method: 'POST', body: { confirm: phone } });
    expect(erased.status).toBe(200);
    // Every console is told to drop the conversation.
    const dropped = await events.waitFor((f) => f.event === 'conversation.erased');
    events.close();
    expect(JSON.parse(dropped.data ?? '{}')).toMatchObject({ phone_number: phone, user_id: null });
    expect(erased.body).toMatchObject({
      media_deleted: 1,
      media_pending: 0,
      erasure: { removed: expect.objectContaining({ conversations: 1, homework_submissions: 1, media_objects: 1 }) },
    });
    const erasureId = (erased.body['erasure'] as { id: string }).id;

    // Postgres: no row of any engine table names them.
    const identifying = [phone, conversation.id, name, 'zainab@example.com'];
    const { rows: tables } = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = ${system.engineSchema} and table_type = 'BASE TABLE'`.execute(
      engineDb,
    );
    for (const { table_name: table } of tables) {
      const { rows } = await sql<{ row: string }>`select to_jsonb(t)::text as row from ${sql.table(table)} t`.execute(engineDb);
      expect(
        rows.filter((r) => identifying.some((id) => r.row.includes(id))),
        table,
      ).toEqual([]);
    }
    // The media store: the photo is gone.
    const left = (await readdir(mediaDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(left).toEqual([]);
    // Redis: none of their jobs in the sender's queues.
    const redis = new Redis(testInfra.redisUrl, { maxRetriesPerRequest: null });
    try {
      for (const queueName of [system.topology.outboundQueue, topology(system.namespace).mediaDownloadQueue]) {
        const queue = new Queue(queueName, { connection: redis });
        const jobs = await queue.getJobs();
        expect(jobs.map((j) => JSON.stringify(j.data)).filter((d) => d.includes(phone))).toEqual([]);
        await queue.close();
      }
    } finally {
      await redis.quit();
    }
    // The audit log: who did what stays, the student is no longer named; the erasure is recorded without them.
    const audit = await apiDb.selectFrom('audit_log').selectAll().execute();
    expect(audit.filter((a) => JSON.stringify(a).includes(phone))).toEqual([]);
    expect(audit.filter((a) => a.target === `erasure:${erasureId}`).map((a) => a.action)).toEqual(
      expect.arrayContaining(['chat.claimed', 'student.exported', 'student.erased']),
    );
    expect(audit.find((a) => a.action === 'student.erased')).toMatchObject({
      actor_email: 'admin@school.test',
      details: expect.objectContaining({ outcome: 'ok', erasure_id: erasureId }),
    });
    expect((await admin.call(`/api/admin/conversations?q=${phone}`)).body['items']).toEqual([]);

    // Meta redelivers every old webhook (same body, same signature, through the gateway); then the student writes anew.
    for (const payload of payloads) expect((await system.postWebhook(payload)).status).toBe(200);
    const fresh = buildTextMessage({ from: phone, text: 'hello again' });
    expect((await system.postWebhook(buildInboundWebhook({ messages: [fresh] }))).status).toBe(200);
    await pollUntil(
      async () => (await engineDb.selectFrom('messages').select('id').where('wamid', '=', fresh.id).executeTakeFirst()) !== undefined,
      { message: 'the new message stored' },
    );
    const inbound = await engineDb.selectFrom('messages').select('text').where('direction', '=', 'inbound').execute();
    expect(inbound).toEqual([{ text: 'hello again' }]);
    expect(await engineDb.selectFrom('students').selectAll().execute()).toEqual([]);
    expect(await engineDb.selectFrom('homework_submissions').selectAll().execute()).toEqual([]);
  });
});
