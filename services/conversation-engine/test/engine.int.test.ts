import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { sendMessageJobSchema } from '@app/contracts';
import { spawnService } from '@app/runtime';
import { buildTextMessage, newPhone, pollUntil, testInfra } from '@app/testing';
import { DEFAULT_TEXTS } from '../src/domain/bot';
import { createEngineHarness, type EngineHarness } from './engine-harness';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('conversation-engine', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await createEngineHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const jobsInQueue = async () => {
    const jobs = await h.queue.getJobs(['waiting', 'delayed', 'active', 'prioritized', 'completed', 'failed']);
    return jobs.map((j) => ({ id: j.id, data: sendMessageJobSchema.parse(j.data) }));
  };

  it('stores a text from an unknown number, asks for the full name and queues the reply with jobId = message id', async () => {
    await h.start();
    const phone = newPhone();
    const inbound = await h.publishMessage(buildTextMessage({ from: phone, text: 'Hello' }));

    const jobs = await pollUntil(
      async () => {
        const found = await jobsInQueue();
        return found.length === 1 ? found : undefined;
      },
      { message: 'the reply job' },
    );
    const { conversation, messages } = await h.conversationRows(phone);
    expect(conversation).toMatchObject({ phone_number: phone, profile_name: 'Test Student', bot_state: { step: 'registration.name' } });
    expect(messages.map((m) => [m.direction, m.author, m.status])).toEqual([
      ['inbound', 'student', 'received'],
      ['outbound', 'bot', 'queued'],
    ]);
    expect(messages[0]?.wamid).toBe(inbound.id);
    expect(messages[0]?.correlation_id).toBe(inbound.correlationId);
    expect(jobs[0]?.id).toBe(messages[1]?.id);
    expect(jobs[0]?.data).toMatchObject({
      to: phone,
      message: { kind: 'text', body: DEFAULT_TEXTS['registration.welcome'] },
      correlationId: inbound.correlationId,
    });
  });

  it('processes a message redelivered after the JetStream window only once', async () => {
    await h.start();
    const phone = newPhone();
    const message = buildTextMessage({ from: phone, text: 'Hello' });
    await h.publishMessage(message);
    await h.publishMessage(message, { msgID: `${message.id}-redelivery` });
    const probe = buildTextMessage({ from: phone, text: 'after' });
    await h.publishMessage(probe);
    // The probe is processed after the redelivery (same partition, in order): once it is stored, both are done.
    await pollUntil(async () => (await h.conversationRows(phone)).messages.some((m) => m.wamid === probe.id), { message: 'the probe' });
    const { messages } = await h.conversationRows(phone);
    expect(messages.filter((m) => m.wamid === message.id)).toHaveLength(1);
    expect(messages.filter((m) => m.direction === 'outbound')).toHaveLength(2);
  });

  it('counts processed events and redeliveries on /metrics, and reports the open outbox and the support line', async () => {
    const engine = await h.start();
    const phone = newPhone();
    const message = buildTextMessage({ from: phone, text: 'Hello' });
    await h.publishMessage(message);
    await h.publishMessage(message, { msgID: `${message.id}-redelivery` });
    /** The value of the sample of `name` whose labels include `labels` (every sample also has service="..."). */
    const sample = (text: string, name: string, labels: Record<string, string> = {}) => {
      const line = text
        .split('\n')
        .find(
          (l) =>
            (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
        );
      return line === undefined ? Number.NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
    };
    const text = await pollUntil(
      async () => {
        const body = await (await fetch(`${engine.url}/metrics`)).text();
        return sample(body, 'engine_inbound_events_total', { kind: 'message', outcome: 'duplicate' }) === 1 ? body : undefined;
      },
      { message: 'the redelivery counted' },
    );
    expect(sample(text, 'engine_inbound_events_total', { kind: 'message', outcome: 'processed' })).toBe(1);
    expect(sample(text, 'engine_messages_settled_total', { stream: 'inbound', disposition: 'ack' })).toBe(2);
    // The bot's question is queued and no sender answers in this test: one open row, relayed or about to be.
    expect(sample(text, 'engine_outbox_open', { state: 'relayed' }) + sample(text, 'engine_outbox_open', { state: 'unrelayed' })).toBe(1);
    expect(sample(text, 'engine_outbox_oldest_open_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'engine_support_chats', { status: 'waiting' })).toBe(0);
    expect(sample(text, 'engine_support_oldest_waiting_seconds')).toBe(0);
  });

  it('records the wamid and moves statuses forward only, applying a status that arrived before the send result', async () => {
    await h.start();
    const phone = newPhone();
    await h.publishMessage(buildTextMessage({ from: phone }));
    const [job] = await pollUntil(async () => {
      const found = await jobsInQueue();
      return found.length ? found : undefined;
    });
    const messageId = job!.data.messageId;

    // "delivered" arrives before the sender's result: kept, then applied.
    const { buildStatus } = await import('@app/testing');
    const wamid = 'wamid.OUT-' + messageId;
    const statusEvent = (status: string) => ({
      id: `${wamid}:${status}`,
      type: 'whatsapp.inbound.status.received' as const,
      version: 1 as const,
      occurredAt: new Date().toISOString(),
      correlationId: 'c',
      data: { phoneNumberId: '1', status: buildStatus({ id: wamid, status, recipientId: phone }) },
    });
    const { publishEvent } = await import('@app/messaging');
    const { partitionOf } = await import('@app/contracts');
    const subject = h.t.inboundSubject(partitionOf(phone), 'status');
    await publishEvent(h.js, subject, statusEvent('delivered'));
    await pollUntil(async () => (await h.db.selectFrom('pending_statuses').selectAll().where('wamid', '=', wamid).execute()).length === 1);

    await h.publishSendResult({ outcome: 'accepted', messageId, wamid, attempts: 1 });
    await pollUntil(async () => (await h.conversationRows(phone)).messages.find((m) => m.id === messageId)?.status === 'delivered', {
      message: 'delivered',
    });

    await publishEvent(h.js, subject, statusEvent('read'));
    await pollUntil(async () => (await h.conversationRows(phone)).messages.find((m) => m.id === messageId)?.status === 'read', {
      message: 'read',
    });
    // A late "sent" after "read" changes nothing.
    await publishEvent(h.js, subject, statusEvent('sent'));
    const probe = buildTextMessage({ from: phone, text: 'probe' });
    await h.publishMessage(probe);
    await pollUntil(async () => (await h.conversationRows(phone)).messages.some((m) => m.wamid === probe.id));
    const outbound = (await h.conversationRows(phone)).messages.find((m) => m.id === messageId);
    expect(outbound).toMatchObject({ status: 'read', wamid });
    const outbox = await h.db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
    expect(outbox.completed_at).not.toBeNull();
  });

  it("queues a student's next message only after the previous one has an outcome", async () => {
    await h.start();
    const phone = newPhone();
    await h.publishMessage(buildTextMessage({ from: phone, text: 'one' }));
    await h.publishMessage(buildTextMessage({ from: phone, text: 'two' }));
    await pollUntil(async () => (await h.conversationRows(phone)).messages.length === 4, { message: 'both replies written' });
    const first = await pollUntil(async () => {
      const jobs = await jobsInQueue();
      return jobs.length === 1 ? jobs[0] : undefined;
    });
    // The engine's own relay timer runs several times meanwhile; the second reply must stay in the outbox.
    const outbox = await h.db.selectFrom('outbox').selectAll().orderBy('seq').execute();
    expect(outbox.map((o) => o.relayed_at !== null)).toEqual([true, false]);
    await h.publishSendResult({
      outcome: 'failed',
      messageId: first!.data.messageId,
      attempts: 1,
      error: { code: 131026, title: 'undeliverable', class: 'permanent' },
    });
    const jobs = await pollUntil(
      async () => {
        const found = await jobsInQueue();
        return found.length === 2 ? found : undefined;
      },
      { message: 'the second reply queued' },
    );
    expect(jobs.map((j) => j.id)).toContain(outbox[1]?.message_id);
    const failed = (await h.conversationRows(phone)).messages.find((m) => m.id === first!.data.messageId);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 131026, title: 'undeliverable' } });
  });

  it('does not process a message twice when the engine is SIGKILLed after its commit and before the ack', async () => {
    const crashing = spawnService({
      root: repoRoot,
      entry: 'services/conversation-engine/test/fixtures/engine-crash-after-commit.ts',
      name: 'engine-crash',
      env: { ...process.env, ...h.env },
      stdio: 'ignore',
    });
    await h.consumersReady();
    const phone = newPhone();
    const message = buildTextMessage({ from: phone, text: 'Hello' });
    await h.publishMessage(message);
    expect(await crashing.exited).toBe('SIGKILL');
    // Committed, not acked.
    expect((await h.conversationRows(phone)).messages).toHaveLength(2);

    await h.start();
    const nc = await connect({ servers: testInfra.natsUrl });
    try {
      const jsm = await jetstreamManager(nc);
      const { partitionOf } = await import('@app/contracts');
      const consumer = h.t.inboundConsumer(partitionOf(phone));
      await pollUntil(
        async () => {
          const info = await jsm.consumers.info(h.t.inboundStream, consumer);
          return info.num_ack_pending === 0 && info.num_pending === 0 && info.delivered.consumer_seq >= 2;
        },
        { message: 'the redelivered message acked' },
      );
    } finally {
      await nc.close();
    }
    const { messages } = await h.conversationRows(phone);
    expect(messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
    expect(messages.filter((m) => m.direction === 'outbound')).toHaveLength(1);
  });
});
