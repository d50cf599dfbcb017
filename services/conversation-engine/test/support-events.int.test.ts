import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { partitionOf, type EngineEvent, type InboundStatusReceivedV1 } from '@app/contracts';
import { publishEvent } from '@app/messaging';
import { pollUntil, testInfra } from '@app/testing';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { studentTalking } from './student-driver';
import { studentInLine } from './support-driver';

describe('live events for admins', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let nc: NatsConnection;
  /** For each message.created: whether its row was committed when the event arrived. */
  const storedOnArrival = new Map<string, boolean>();
  useEngineWithAdmin((world) => ({ h, admin } = world));
  beforeEach(async () => {
    nc = await connect({ servers: testInfra.natsUrl });
    nc.subscribe(h.t.engineEventsSubject('message.created'), {
      callback: (_error, msg) => {
        const id = (JSON.parse(msg.string()) as EngineEvent).message?.id;
        if (!id) return;
        void h.db
          .selectFrom('messages')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst()
          .then((row) => storedOnArrival.set(id, row !== undefined));
      },
    });
    await nc.flush();
  });
  afterEach(async () => {
    await nc.close();
  });

  const kinds = (events: EngineEvent[]) => events.map((e) => [e.event, e.message?.author ?? e.conversation?.support_status]);

  it("publishes a student's message, the bot's reply and the conversation, each after its commit", async () => {
    const student = studentTalking(h);
    await student.says('hi');
    const events = await pollUntil(() => (admin.eventsFor(student.phone).length >= 3 ? admin.eventsFor(student.phone) : undefined), {
      message: 'three events',
    });
    expect(kinds(events)).toEqual([
      ['message.created', 'student'],
      ['message.created', 'bot'],
      ['conversation.updated', 'none'],
    ]);
    expect(events[0]?.message).toMatchObject({ direction: 'inbound', text: 'hi', status: 'received' });
    expect(events[2]?.conversation).toMatchObject({
      phone_number: student.phone,
      state: 'registration.name',
      unread_count: 1,
      last_message: events[1]?.message?.text,
    });
    await pollUntil(() => storedOnArrival.size >= 2, { message: 'the rows checked' });
    expect([...storedOnArrival.values()]).toEqual([true, true]);
    expect(admin.invalidEvents).toEqual([]);
  });

  it("publishes an admin's claim and message, then each delivery status of it", async () => {
    const student = await studentInLine(h);
    const seen = admin.eventsFor(student.phone).length;

    await admin.ok('claimChat', { actor: MARY, student: student.phone, correlationId: correlationId() });
    const { message } = await admin.ok('sendMessage', {
      actor: MARY,
      student: student.phone,
      message: 'Hi Ada',
      idempotency_key: correlationId(),
      correlationId: correlationId(),
    });
    // Published before the reply: they are here already.
    const afterCommands = admin.eventsFor(student.phone).slice(seen);
    expect(kinds(afterCommands)).toEqual([
      ['message.created', 'system'],
      ['conversation.updated', 'active'],
      ['message.created', 'agent'],
      ['conversation.updated', 'active'],
    ]);
    expect(afterCommands[1]?.conversation?.assigned_to).toEqual({ id: MARY.id, name: MARY.name });
    expect(afterCommands[2]?.message).toEqual(message);

    const wamid = `wamid.OUT-${message.id}`;
    const statusEvents = (count: number) => () => {
      const found = admin.eventsFor(student.phone).filter((e) => e.event === 'message.status');
      return found.length >= count ? found : undefined;
    };
    await h.publishSendResult({ outcome: 'accepted', messageId: message.id, wamid, attempts: 1 });
    // Only then Meta's status webhook: one that overtook the send result would be applied with it, in one event.
    await pollUntil(statusEvents(1), { message: 'the sent status event' });
    const delivered: InboundStatusReceivedV1 = {
      id: `${wamid}:delivered`,
      type: 'whatsapp.inbound.status.received',
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: correlationId(),
      data: {
        phoneNumberId: '100000000000001',
        status: { id: wamid, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: student.phone },
      },
    };
    await publishEvent(h.js, h.t.inboundSubject(partitionOf(student.phone), 'status'), delivered);
    const statuses = await pollUntil(statusEvents(2), { message: 'the delivered status event' });
    expect(statuses.map((e) => [e.message?.id, e.message?.status])).toEqual([
      [message.id, 'sent'],
      [message.id, 'delivered'],
    ]);
    expect(admin.invalidEvents).toEqual([]);
  });
});
