import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sendMessageJobSchema, type SendMessageJob } from '@app/contracts';
import { sql } from '@app/db';
import { newPhone, newWamid, pollUntil } from '@app/testing';
import { insertOutbox } from '../src/db/repositories/outbox.repository';
import type { OutboxJob } from '../src/domain/outbox-job';
import { requeueStaleOutbox } from '../src/use-cases/outbox/relay-ready-outbox';
import { MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';

describe('an outbox row the relay cannot read', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world), { start: false });

  const queuedSends = async () => {
    const jobs = await h.queue.getJobs(['waiting', 'delayed', 'active', 'prioritized', 'completed', 'failed']);
    return jobs.map((j) => sendMessageJobSchema.parse(j.data).messageId);
  };

  async function conversation() {
    const phone = newPhone();
    const row = await h.db
      .insertInto('conversations')
      .values({ phone_number: phone, bot_state: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, phone };
  }

  async function outboundMessage(conversationId: string, text: string) {
    const id = randomUUID();
    await h.db
      .insertInto('messages')
      .values({
        id,
        conversation_id: conversationId,
        direction: 'outbound',
        author: 'bot',
        type: 'text',
        text,
        content: '{}',
        status: 'queued',
      })
      .execute();
    return id;
  }

  /** A send written the way the engine writes it (ready when nothing of its conversation is open before it). */
  async function validSend(to: { id: string; phone: string }, text: string) {
    const messageId = await outboundMessage(to.id, text);
    const job: SendMessageJob = {
      version: 1,
      messageId,
      to: to.phone,
      message: { kind: 'text', body: text },
      correlationId: `test-${randomUUID()}`,
    };
    await insertOutbox(h.db, { id: messageId, messageId, conversationId: to.id, job: { kind: 'send', data: job } });
    return messageId;
  }

  it('is parked and failed, and the relay sends the rows after it, of its student (in order) and of others', async () => {
    const ana = await conversation();
    const ben = await conversation();
    // The lowest seq of all, ready: the first row the relay takes. Its job is not a send job.
    const broken = await outboundMessage(ana.id, 'lost');
    await sql`insert into outbox (id, kind, message_id, conversation_id, job, ready)
              values (${broken}, 'send', ${broken}, ${ana.id}, ${JSON.stringify({ messageId: broken, body: 'not a job' })}, true)`.execute(
      h.db,
    );
    const anaNext = await validSend(ana, 'second');
    const anaLast = await validSend(ana, 'third');
    const benFirst = await validSend(ben, 'hello ben');

    const engine = await h.start();

    // Ben's row is in the same batch as the broken one; Ana's next one became ready when the broken row was parked.
    await pollUntil(
      async () => {
        const sends = await queuedSends();
        return sends.includes(benFirst) && sends.includes(anaNext);
      },
      { message: 'the rows after the broken one queued', timeoutMs: 15_000 },
    );
    // Ana's last one still waits for her previous one's outcome: her order is kept.
    expect(await queuedSends()).not.toContain(anaLast);
    expect(await queuedSends()).not.toContain(broken);

    const parked = await h.db.selectFrom('parked_events').selectAll().execute();
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({
      source: 'outbox',
      subject: 'outbox',
      stream_seq: null,
      phone_number: ana.phone,
      status: 'parked',
      attempts: 1,
    });
    expect(parked[0]!.error).toContain(`outbox row ${broken} (send) holds an invalid job`);
    expect(JSON.parse(parked[0]!.payload)).toMatchObject({ id: broken, kind: 'send', message_id: broken, job: { body: 'not a job' } });

    const brokenMessage = await h.db.selectFrom('messages').select(['status', 'error']).where('id', '=', broken).executeTakeFirstOrThrow();
    expect(brokenMessage).toMatchObject({ status: 'failed', error: { code: 0 } });
    const brokenRow = await h.db.selectFrom('outbox').select(['completed_at']).where('id', '=', broken).executeTakeFirstOrThrow();
    expect(brokenRow.completed_at).not.toBeNull();

    // Admins see it among the parked events, and the counter moved.
    const listed = await admin.ok('listParkedEvents', { actor: MARY });
    expect(listed.items.map((i) => [i.source, i.phone_number])).toEqual([['outbox', ana.phone]]);
    const metrics = await (await fetch(`${engine.url}/metrics`)).text();
    expect(metrics.split('\n').find((l) => l.startsWith('engine_parked_events_total{') && l.includes('source="outbox"'))).toMatch(/ 1$/);

    // Ana's second message is accepted: her third one goes next.
    await h.publishSendResult({ outcome: 'accepted', messageId: anaNext, wamid: newWamid(), attempts: 1 });
    await pollUntil(async () => (await queuedSends()).includes(anaLast), { message: "Ana's last message queued", timeoutMs: 15_000 });
    expect(await h.db.selectFrom('parked_events').select('id').execute()).toHaveLength(1);
  });

  it('is parked too when it turns up among the stale rows queued again, and the readable ones are queued', async () => {
    const ana = await conversation();
    const ben = await conversation();
    const broken = await outboundMessage(ana.id, 'lost');
    const longAgo = new Date(Date.now() - 60 * 60_000);
    // Relayed an hour ago by an older version, never completed: what requeueStaleOutbox looks for.
    await sql`insert into outbox (id, kind, message_id, conversation_id, job, ready, relayed_at)
              values (${broken}, 'mark_read', ${broken}, ${ana.id}, ${JSON.stringify({ nonsense: true })}, true, ${longAgo})`.execute(h.db);
    const benFirst = await validSend(ben, 'hello ben');
    await h.db.updateTable('outbox').set({ relayed_at: longAgo }).where('id', '=', benFirst).execute();

    const queued: OutboxJob[] = [];
    const parkedSources: string[] = [];
    const requeued = await requeueStaleOutbox(
      {
        db: h.db,
        enqueue: async (jobs) => void queued.push(...jobs),
        now: () => new Date(),
        newId: randomUUID,
        onParked: (source) => void parkedSources.push(source),
      },
      5 * 60_000,
    );

    expect(requeued).toBe(1);
    expect(queued.map((j) => (j.kind === 'send' ? j.data.messageId : j.kind))).toEqual([benFirst]);
    expect(parkedSources).toEqual(['outbox']);
    const parked = await h.db.selectFrom('parked_events').select(['source', 'phone_number', 'error']).execute();
    expect(parked).toEqual([
      { source: 'outbox', phone_number: ana.phone, error: expect.stringContaining(`outbox row ${broken} (mark_read)`) },
    ]);
    const rows = await h.db.selectFrom('outbox').select(['id', 'completed_at']).where('id', '=', broken).execute();
    expect(rows[0]!.completed_at).not.toBeNull();
  });
});
