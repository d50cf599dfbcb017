import { describe, expect, it } from 'vitest';
import { pollUntil } from '@app/testing';
import { MARY, type AdminRpc } from './admin-rpc';
import { deliveryDriver, type DeliveryDriver } from './delivery-driver';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { studentTalking } from './student-driver';

const undeliverable = { code: 131026, title: 'Message undeliverable', class: 'permanent' } as const;

describe('what the sender and Meta report about an outbound message', () => {
  let h: EngineHarness;
  let d: DeliveryDriver;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => {
    ({ h, admin } = world);
    d = deliveryDriver(h);
  });

  /** A new student says hi: the bot's welcome is the outbound message under test. */
  async function botReply() {
    const student = studentTalking(h);
    await student.says('hi');
    const { messages } = await h.conversationRows(student.phone);
    const reply = messages.find((m) => m.direction === 'outbound');
    if (!reply) throw new Error('no reply written');
    return { phone: student.phone, messageId: reply.id };
  }

  type Step = 'result' | 'sent' | 'delivered' | 'read';
  it.each<[string, Step[]]>([
    ['in order', ['result', 'sent', 'delivered', 'read']],
    ['every status before the send result', ['read', 'delivered', 'sent', 'result']],
    ['shuffled', ['delivered', 'result', 'read', 'sent']],
    ['read overtaking delivered, sent never seen', ['result', 'read', 'delivered']],
  ])('ends read whatever the order: %s', async (_name, steps) => {
    const { phone, messageId } = await botReply();
    const wamid = `wamid.OUT-${messageId}`;
    for (const step of steps) {
      if (step === 'result') await d.sendResult({ outcome: 'accepted', messageId, wamid, attempts: 1 });
      else await d.status(phone, wamid, step);
    }
    await d.messageWhen(messageId, (m) => m.status === 'read', 'read');
    // A failure reported after the read cannot undo it; a probe message shows the partition got that far.
    await d.status(phone, wamid, 'failed', [{ code: 131026, title: 'Message undeliverable' }]);
    const probe = studentTalking(h, { phone });
    await probe.says('still there?');
    expect(await d.message(messageId)).toMatchObject({ status: 'read', wamid, error: null, send_retry: 0 });
  });

  it('keeps a failure Meta reported before the send result, with its code and title', async () => {
    const { phone, messageId } = await botReply();
    const wamid = `wamid.OUT-${messageId}`;
    await d.status(phone, wamid, 'failed', [{ code: 131026, title: 'Message undeliverable' }]);
    await pollUntil(
      async () => (await h.db.selectFrom('pending_statuses').select('wamid').where('wamid', '=', wamid).execute()).length === 1,
    );
    await d.sendResult({ outcome: 'accepted', messageId, wamid, attempts: 1 });
    const failed = await d.messageWhen(messageId, (m) => m.status === 'failed', 'failed');
    expect(failed.error).toEqual({ code: 131026, title: 'Message undeliverable' });
  });

  it('keeps the pricing of a status that arrived before the send result, dated by the first priced status', async () => {
    const { phone, messageId } = await botReply();
    const wamid = `wamid.OUT-${messageId}`;
    const at = (unix: number) => ({ timestamp: String(unix), pricing: { pricing_model: 'PMP', type: 'regular', category: 'utility' } });
    await d.status(phone, wamid, 'delivered', undefined, at(1_767_225_700));
    await d.status(phone, wamid, 'sent', undefined, at(1_767_225_600));
    await pollUntil(
      async () => (await h.db.selectFrom('pending_statuses').select('wamid').where('wamid', '=', wamid).execute()).length === 2,
    );
    await d.sendResult({ outcome: 'accepted', messageId, wamid, attempts: 1 });
    const delivered = await d.messageWhen(messageId, (m) => m.status === 'delivered', 'delivered');
    expect(delivered).toMatchObject({ pricing_type: 'regular', pricing_category: 'utility', priced_at: new Date(1_767_225_600_000) });
    // A later status repricing the message (Meta corrected it) keeps the first date.
    await d.status(phone, wamid, 'read', undefined, {
      timestamp: '1767225800',
      pricing: { pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
    });
    const read = await d.messageWhen(messageId, (m) => m.status === 'read', 'read');
    expect(read).toMatchObject({
      pricing_type: 'free_customer_service',
      pricing_category: 'service',
      priced_at: new Date(1_767_225_600_000),
    });
  });

  it("counts today's billable messages per category for the dashboard, not yesterday's nor free ones", async () => {
    const now = Math.floor(Date.now() / 1000);
    const priced = async (type: string, category: string, timestamp: number) => {
      const { phone, messageId } = await botReply();
      const wamid = `wamid.OUT-${messageId}`;
      await d.sendResult({ outcome: 'accepted', messageId, wamid, attempts: 1 });
      await d.status(phone, wamid, 'delivered', undefined, {
        timestamp: String(timestamp),
        pricing: { pricing_model: 'PMP', type, category },
      });
      await d.messageWhen(messageId, (m) => m.status === 'delivered' && m.pricing_type === type, `${messageId} priced`);
    };
    await priced('regular', 'utility', now);
    await priced('regular', 'utility', now);
    await priced('regular', 'marketing', now);
    await priced('free_customer_service', 'service', now);
    await priced('regular', 'utility', now - 2 * 86_400);
    expect(await admin.ok('stats', { actor: MARY })).toMatchObject({ billable_today: { utility: 2, marketing: 1 } });
    expect(Object.keys((await admin.ok('stats', { actor: MARY })).billable_today ?? {}).sort()).toEqual(['marketing', 'utility']);
  });

  it("moves a dead letter an admin retried from failed to sent on the retry's result, and ignores a lower retry arriving late", async () => {
    const { phone, messageId } = await botReply();
    await d.sendResult({ outcome: 'failed', messageId, error: undeliverable, attempts: 1 });
    await d.messageWhen(messageId, (m) => m.status === 'failed', 'the first failure');

    // Retry 2 is accepted under a new wamid; Meta's "delivered" for it overtook the result.
    const wamid = `wamid.RETRY2-${messageId}`;
    await d.status(phone, wamid, 'delivered');
    await pollUntil(
      async () => (await h.db.selectFrom('pending_statuses').select('wamid').where('wamid', '=', wamid).execute()).length === 1,
    );
    await d.sendResult({ outcome: 'accepted', messageId, wamid, attempts: 1 }, 2);
    await d.messageWhen(messageId, (m) => m.status === 'delivered', 'delivered after the retry');

    // Retry 1's failure comes last: stale. The same retry's result again (past JetStream's window): one effect.
    await d.sendResult(
      { outcome: 'failed', messageId, error: { code: 368, title: 'Temporarily blocked', class: 'permanent' }, attempts: 1 },
      1,
    );
    await d.sendResult({ outcome: 'accepted', messageId, wamid, attempts: 1 }, 2, { repeat: true });
    await d.status(phone, wamid, 'read');
    const read = await d.messageWhen(messageId, (m) => m.status === 'read', 'read');
    expect(read).toMatchObject({ wamid, error: null, send_retry: 2 });
    const processed = await h.db
      .selectFrom('inbound_dedupe')
      .select('event_id')
      .where('event_id', 'like', `${messageId}:result%`)
      .orderBy('event_id')
      .execute();
    expect(processed.map((r) => r.event_id)).toEqual([`${messageId}:result`, `${messageId}:result:1`, `${messageId}:result:2`]);

    const { items } = await admin.ok('listMessages', { actor: MARY, student: phone });
    expect(items.find((m) => m.id === messageId)).toMatchObject({ status: 'read', error: null });
  });

  /** Another student's send result, published last: once it is applied, so is every delivery event before it. */
  async function probeApplied() {
    const probe = await botReply();
    await d.sendResult({ outcome: 'accepted', messageId: probe.messageId, wamid: `wamid.OUT-${probe.messageId}`, attempts: 1 });
    await d.messageWhen(probe.messageId, (m) => m.status === 'sent', 'the probe sent');
  }

  it('shows why a queued message is late until its send result clears the note, and the status never moves back', async () => {
    const { phone, messageId } = await botReply();
    const pairLimit = { messageId, reason: 'pair_rate_limit', code: 131056, title: 'Pair rate limit hit' } as const;
    await d.sendRetrying({ ...pairLimit, attempt: 1, nextAttemptAt: '2026-12-04T14:03:08.000Z' });
    await d.sendRetrying({ ...pairLimit, attempt: 2, nextAttemptAt: '2026-12-04T14:03:12.000Z' });
    // Attempt 1's note again, past JetStream's window: an older attempt never replaces a newer note.
    await d.sendRetrying({ ...pairLimit, attempt: 1, nextAttemptAt: '2026-12-04T14:03:08.000Z' }, 0, { repeat: true });
    await probeApplied();
    const noted = await d.message(messageId);
    expect(noted).toMatchObject({
      status: 'queued',
      retry_reason: 'pair_rate_limit',
      retry_code: 131056,
      next_attempt_at: new Date('2026-12-04T14:03:12.000Z'),
    });
    const retrying = { reason: 'pair_rate_limit', code: 131056, attempt: 2, next_attempt_at: '2026-12-04T14:03:12.000Z' };
    const listed = async () => (await admin.ok('listMessages', { actor: MARY, student: phone })).items.find((m) => m.id === messageId);
    expect(await listed()).toMatchObject({ status: 'queued', retrying });
    // Admins heard of it live, as a status event that keeps the status queued.
    await pollUntil(() => admin.eventsFor(phone).find((e) => e.event === 'message.status' && e.message?.retrying?.attempt === 2), {
      message: 'the live note',
    });

    await d.sendResult({ outcome: 'accepted', messageId, wamid: `wamid.OUT-${messageId}`, attempts: 3 });
    const sent = await d.messageWhen(messageId, (m) => m.status === 'sent', 'sent');
    expect(sent).toMatchObject({ retry_reason: null, retry_code: null, retry_attempt: null, next_attempt_at: null });
    expect(await listed()).toMatchObject({ status: 'sent', retrying: null });
    await pollUntil(
      () => admin.eventsFor(phone).find((e) => e.event === 'message.status' && e.message?.status === 'sent' && e.message.retrying === null),
      {
        message: 'the live status without the note',
      },
    );
  });

  it('changes nothing for a retry note that arrives after the send result', async () => {
    const { phone, messageId } = await botReply();
    await d.sendResult({ outcome: 'accepted', messageId, wamid: `wamid.OUT-${messageId}`, attempts: 2 });
    await pollUntil(() => admin.eventsFor(phone).find((e) => e.event === 'message.status' && e.message?.status === 'sent'), {
      message: 'the live status',
    });
    const eventsBefore = admin.eventsFor(phone).length;

    await d.sendRetrying({
      messageId,
      attempt: 1,
      reason: 'temporary',
      code: 131000,
      title: 'Something went wrong',
      nextAttemptAt: '2026-12-04T14:03:12.000Z',
    });
    await probeApplied();

    expect(await d.message(messageId)).toMatchObject({
      status: 'sent',
      retry_reason: null,
      retry_code: null,
      retry_attempt: null,
      next_attempt_at: null,
    });
    const { items } = await admin.ok('listMessages', { actor: MARY, student: phone });
    expect(items.find((m) => m.id === messageId)).toMatchObject({ status: 'sent', retrying: null });
    expect(
      admin
        .eventsFor(phone)
        .slice(eventsBefore)
        .filter((e) => e.event === 'message.status'),
    ).toEqual([]);
  });

  it('keeps no note on a failed message, and drops the note of a message that failed', async () => {
    const { messageId } = await botReply();
    await d.sendRetrying({
      messageId,
      attempt: 1,
      reason: 'throughput',
      code: 130429,
      title: 'Rate limit hit',
      nextAttemptAt: '2026-12-04T14:03:12.000Z',
    });
    await d.messageWhen(messageId, (m) => m.retry_attempt === 1, 'the note');
    await d.sendResult({
      outcome: 'failed',
      messageId,
      error: { code: 130429, title: 'Rate limit hit', class: 'throughput' },
      attempts: 2,
    });
    const failed = await d.messageWhen(messageId, (m) => m.status === 'failed', 'failed');
    expect(failed).toMatchObject({
      error: { code: 130429, title: 'Rate limit hit' },
      retry_reason: null,
      retry_attempt: null,
      next_attempt_at: null,
    });
  });

  it('terminates what breaks its schema on any delivery subject, and goes on with the next event', async () => {
    const { messageId } = await botReply();
    for (const subject of [
      d.names.sendResultSubject,
      d.names.sendRetryingSubject,
      d.names.readResultSubject,
      d.names.mediaDownloadedSubject,
      d.names.mediaDownloadFailedSubject,
    ]) {
      await h.js.publish(subject, JSON.stringify({ id: `junk-${subject}`, type: 'whatsapp.outbound.send.result', version: 1 }));
    }
    await h.js.publish(d.names.readResultSubject, 'not json');
    await d.sendResult({ outcome: 'accepted', messageId, wamid: `wamid.OUT-${messageId}`, attempts: 1 });
    await d.messageWhen(messageId, (m) => m.status === 'sent', 'the valid result after the junk');
  });

  it("replaces a retried message's error with the newer failure", async () => {
    const { messageId } = await botReply();
    await d.sendResult({ outcome: 'failed', messageId, error: undeliverable, attempts: 1 });
    await d.messageWhen(messageId, (m) => m.status === 'failed', 'the first failure');
    await d.sendResult(
      {
        outcome: 'failed',
        messageId,
        error: { code: 131049, title: 'Not delivered to maintain healthy ecosystem engagement', class: 'permanent' },
        attempts: 1,
      },
      1,
    );
    const again = await d.messageWhen(messageId, (m) => m.send_retry === 1, 'the retry failed');
    expect(again).toMatchObject({
      status: 'failed',
      error: { code: 131049, title: 'Not delivered to maintain healthy ecosystem engagement' },
    });
  });
});
