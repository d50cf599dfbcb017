import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '@app/db';
import { createFsMediaStore, type MediaStore } from '@app/media-store';
import { newPhone } from '@app/testing';
import { countDue, dueConversationsQuery, writeRetentionSettings } from '../src/db/repositories/retention.repository';
import { saveGuardianConsent } from '../src/db/repositories/consent.repository';
import { purgeExpiredHistory } from '../src/use-cases/retention/purge-expired-history';
import { retentionPreview } from '../src/use-cases/retention/retention-preview';
import { useEngineSchema } from './engine-schema';

// History retention on a controllable clock: conversations seeded at known last-activity times, some with
// media files in a real (directory) media store; a run at NOW with a 30-day period must delete exactly the
// due histories, in batches, and the preview taken before must have announced exactly that.

const NOW = new Date('2026-12-07T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const INTERVAL = 10 * 60_000;

describe('history retention', () => {
  const engine = useEngineSchema();
  let dir: string;
  let store: MediaStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'retention-'));
    store = createFsMediaStore({ dir });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A conversation last active `days` ago with `messages` messages, the first `media` of them with a stored file. */
  async function seed(opts: { days: number; messages: number; media?: number; support?: 'none' | 'waiting' | 'active'; deletedAt?: Date }) {
    const db = engine.db;
    const at = daysAgo(opts.days);
    const conversation = await db
      .insertInto('conversations')
      .values({
        phone_number: newPhone(),
        bot_state: JSON.stringify({ step: 'menu' }),
        support_status: opts.support ?? 'none',
        last_message_at: at,
        last_message_preview: 'my homework answer',
        history_deleted_at: opts.deletedAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('students')
      .values({ conversation_id: conversation.id, name: 'Ada Lovelace', email: 'ada@example.com', class_name: 'Grade 9' })
      .execute();
    const keys: string[] = [];
    for (let n = 0; n < opts.messages; n++) {
      const id = randomUUID();
      const media = n < (opts.media ?? 0);
      await db
        .insertInto('messages')
        .values({
          id,
          conversation_id: conversation.id,
          direction: 'inbound',
          author: 'student',
          type: media ? 'image' : 'text',
          text: `message ${n}`,
          content: '{}',
          wamid: `wamid.${id}`,
          status: 'received',
          error: null,
          agent_id: null,
          agent_name: null,
          correlation_id: null,
          created_at: at,
        })
        .execute();
      if (media) {
        const key = `media/${conversation.id}/${id}`;
        await store.put(key, Readable.from([Buffer.from(`bytes of ${id}`)]), { contentType: 'image/jpeg' });
        await db
          .insertInto('message_media')
          .values({
            message_id: id,
            conversation_id: conversation.id,
            media_id: `m-${id}`,
            kind: 'image',
            mime_type: 'image/jpeg',
            sha256: null,
            caption: null,
            filename: null,
            status: 'stored',
            storage_key: key,
            size: 20,
          })
          .execute();
        keys.push(key);
      }
    }
    return { id: conversation.id, keys };
  }

  const messagesOf = async (conversationId: string) =>
    Number(
      (
        await engine.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('conversation_id', '=', conversationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const exists = async (key: string) => (await store.get(key)) !== undefined;
  /** An ended support chat of the conversation, rated with a comment in the student's words. */
  async function ratedChat(conversationId: string, days: number) {
    const at = daysAgo(days);
    const chat = await engine.db
      .insertInto('support_chats')
      .values({
        conversation_id: conversationId,
        status: 'ended',
        requested_at: at,
        requested_by: 'student',
        ended_at: at,
        ended_by: 'student',
        end_reason: 'student',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await engine.db
      .insertInto('support_chat_csat')
      .values({
        chat_id: chat.id,
        conversation_id: conversationId,
        asked_at: at,
        rating: 4,
        rated_at: at,
        comment: 'my teacher was kind',
        commented_at: at,
      })
      .execute();
    return chat.id;
  }
  const csatOf = (chatId: string) =>
    engine.db.selectFrom('support_chat_csat').select(['rating', 'comment']).where('chat_id', '=', chatId).executeTakeFirstOrThrow();
  const deps = () => ({ db: engine.db, now: () => NOW, mediaStore: store });

  it('does nothing while retention is off (the default), whatever the age of the histories', async () => {
    const old = await seed({ days: 4000, messages: 2, media: 1 });
    expect(await purgeExpiredHistory(deps())).toEqual({ conversations: 0, messages: 0, media: 0 });
    expect(await messagesOf(old.id)).toBe(2);
    expect(await exists(old.keys[0]!)).toBe(true);
    const preview = await retentionPreview({ db: engine.db, now: () => NOW, intervalMs: INTERVAL });
    expect(preview).toMatchObject({
      settings: { enabled: false, days: 365 },
      cutoff: null,
      due: { conversations: 0, messages: 0, media: 0 },
      next_run_at: null,
    });
  });

  it('deletes exactly the due histories and their files, in batches, as the preview announced', async () => {
    await writeRetentionSettings(engine.db, { enabled: true, days: 30 }, 'Mary Jones', NOW);
    const due = [
      await seed({ days: 400, messages: 3, media: 2 }),
      await seed({ days: 31, messages: 2, media: 1 }),
      await seed({ days: 45, messages: 1 }),
    ];
    const recent = await seed({ days: 29, messages: 2, media: 1 });
    const inChat = await seed({ days: 90, messages: 2, support: 'active' });
    const purgedEarlier = await seed({ days: 60, messages: 0, deletedAt: daysAgo(50) });
    const dueRated = await ratedChat(due[0]!.id, 400);
    const recentRated = await ratedChat(recent.id, 29);
    await saveGuardianConsent(
      engine.db,
      due[0]!.id,
      {
        guardianName: 'Grace Hopper',
        relationship: 'parent',
        contact: '+2348012345678',
        method: 'whatsapp',
        evidence: 'in the chat',
        givenAt: daysAgo(400),
        recordedBy: null,
      },
      daysAgo(400),
    );

    const preview = await retentionPreview({ db: engine.db, now: () => NOW, intervalMs: INTERVAL });
    expect(preview).toMatchObject({
      settings: { enabled: true, days: 30 },
      cutoff: daysAgo(30).toISOString(),
      due: { conversations: 3, messages: 6, media: 3 },
      due_capped: false,
      oldest_due_activity_at: daysAgo(400).toISOString(),
      last_run_at: null,
      updated_by: 'Mary Jones',
    });

    // Counted over the oldest two only, it says so.
    expect(await countDue(engine.db, daysAgo(30), 2)).toEqual({
      capped: true,
      conversations: 2,
      messages: 4,
      media: 2,
      oldest: daysAgo(400),
    });

    const deleted = await purgeExpiredHistory(deps(), { batch: 2, maxBatches: 10 });
    expect(deleted).toEqual({ conversations: 3, messages: 6, media: 3 });

    for (const c of due) {
      expect(await messagesOf(c.id)).toBe(0);
      for (const key of c.keys) expect(await exists(key)).toBe(false);
    }
    expect(await messagesOf(recent.id)).toBe(2);
    expect(await exists(recent.keys[0]!)).toBe(true);
    expect(await messagesOf(inChat.id)).toBe(2);
    // A satisfaction comment is the student's words and goes with the history; the rating stays for reports.
    expect(await csatOf(dueRated)).toEqual({ rating: 4, comment: null });
    expect(await csatOf(recentRated)).toEqual({ rating: 4, comment: 'my teacher was kind' });

    // The conversation, the profile and the consent record stay; the preview line (a message's text) goes.
    const kept = await engine.db
      .selectFrom('conversations')
      .select(['id', 'last_message_preview', 'history_deleted_at'])
      .where('id', '=', due[0]!.id)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ last_message_preview: null, history_deleted_at: NOW });
    expect(await engine.db.selectFrom('students').select('name').where('conversation_id', '=', due[0]!.id).executeTakeFirst()).toEqual({
      name: 'Ada Lovelace',
    });
    expect(
      await engine.db.selectFrom('student_consents').select('guardian_name').where('conversation_id', '=', due[0]!.id).executeTakeFirst(),
    ).toEqual({ guardian_name: 'Grace Hopper' });
    expect(
      await engine.db.selectFrom('conversations').select('last_message_preview').where('id', '=', recent.id).executeTakeFirstOrThrow(),
    ).toEqual({ last_message_preview: 'my homework answer' });
    expect(
      await engine.db.selectFrom('conversations').select('history_deleted_at').where('id', '=', purgedEarlier.id).executeTakeFirstOrThrow(),
    ).toEqual({ history_deleted_at: daysAgo(50) });

    const after = await retentionPreview({ db: engine.db, now: () => NOW, intervalMs: INTERVAL });
    expect(after).toMatchObject({
      due: { conversations: 0, messages: 0, media: 0 },
      oldest_due_activity_at: null,
      last_run_at: NOW.toISOString(),
      last_run_deleted: { conversations: 3, messages: 6, media: 3 },
      next_run_at: new Date(NOW.getTime() + INTERVAL).toISOString(),
    });
    expect(await purgeExpiredHistory(deps())).toEqual({ conversations: 0, messages: 0, media: 0 });
  });

  it('takes a conversation again once it has new activity that is itself past the period', async () => {
    await writeRetentionSettings(engine.db, { enabled: true, days: 30 }, 'Mary Jones', NOW);
    const c = await seed({ days: 40, messages: 1 });
    expect((await purgeExpiredHistory(deps())).conversations).toBe(1);
    // The student writes again 35 days later; 31 days after that, that message is due in turn.
    const later = new Date(NOW.getTime() + 35 * DAY);
    await engine.db
      .insertInto('messages')
      .values({
        id: randomUUID(),
        conversation_id: c.id,
        direction: 'inbound',
        author: 'student',
        type: 'text',
        text: 'hello again',
        content: '{}',
        wamid: `wamid.${randomUUID()}`,
        status: 'received',
        error: null,
        agent_id: null,
        agent_name: null,
        correlation_id: null,
        created_at: later,
      })
      .execute();
    await engine.db.updateTable('conversations').set({ last_message_at: later }).where('id', '=', c.id).execute();
    expect((await purgeExpiredHistory({ ...deps(), now: () => new Date(later.getTime() + 29 * DAY) })).conversations).toBe(0);
    expect(await purgeExpiredHistory({ ...deps(), now: () => new Date(later.getTime() + 31 * DAY) })).toEqual({
      conversations: 1,
      messages: 1,
      media: 0,
    });
  });

  it('finds the due conversations through the retention index, without scanning the table', async () => {
    await sql`set enable_seqscan = off`.execute(engine.db);
    const plan = await sql<{ 'QUERY PLAN': string }>`explain ${dueConversationsQuery(NOW, 20)}`.execute(engine.db);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('conversations_retention_due');
  });
});
