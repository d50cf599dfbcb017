import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { partitionOf } from '@app/contracts';
import { buildTextMessage, newPhone, pollUntil } from '@app/testing';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';

const FAST = { ENGINE_EVENT_MAX_ATTEMPTS: '3', ENGINE_EVENT_RETRY_BASE_MS: '20' };

describe('poison events are parked and the partition moves on', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world), { start: false });

  const answered = (phone: string, wamid: string) =>
    pollUntil(
      async () => {
        const { messages } = await h.conversationRows(phone);
        const at = messages.findIndex((m) => m.wamid === wamid);
        return at >= 0 && messages.slice(at + 1).some((m) => m.direction === 'outbound');
      },
      { message: `${wamid} stored and answered`, timeoutMs: 20_000 },
    );

  it('stores a text containing NUL without it, and answers it', async () => {
    await h.start({}, FAST);
    const phone = newPhone();
    const event = await h.publishMessage(buildTextMessage({ from: phone, text: 'h\u0000i' }), { profileName: 'Nu\u0000l' });
    await answered(phone, event.id);
    const { conversation, messages } = await h.conversationRows(phone);
    expect(messages.find((m) => m.wamid === event.id)?.text).toBe('hi');
    expect(conversation?.profile_name).toBe('Nul');
  });

  it('parks an event that always fails after the bounded attempts, then answers what follows it in order; an admin retry processes it once', async () => {
    const phone = newPhone();
    let other = newPhone();
    while (partitionOf(other) !== partitionOf(phone)) other = newPhone();
    const poison = buildTextMessage({ from: phone, text: 'hi' });
    await sql`create function fail_poison() returns trigger language plpgsql as $$
      begin if new.wamid = ${sql.lit(poison.id)} then raise exception 'poisoned for the test'; end if; return new; end $$`.execute(h.db);
    await sql`create trigger fail_poison before insert on messages for each row execute function fail_poison()`.execute(h.db);
    await h.start({}, FAST);

    await h.publishMessage(poison);
    const next = await h.publishMessage(buildTextMessage({ from: phone, text: 'hello' }));
    const neighbour = await h.publishMessage(buildTextMessage({ from: other, text: 'hi' }));
    await answered(phone, next.id);
    await answered(other, neighbour.id);

    const parked = await h.db.selectFrom('parked_events').selectAll().execute();
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ source: 'inbound', status: 'parked', attempts: 3, phone_number: phone });
    expect(parked[0]!.error).toContain('poisoned for the test');
    expect((await h.conversationRows(phone)).messages.some((m) => m.wamid === poison.id)).toBe(false);

    const list = await admin.ok('listParkedEvents', { actor: MARY, status: 'parked', limit: 10 });
    expect(list.items.map((i) => i.id)).toEqual([parked[0]!.id]);
    expect(JSON.parse(list.items[0]!.payload).id).toBe(poison.id);

    // Still failing: stays parked, one attempt more.
    const again = await admin.ok('retryParkedEvent', { actor: MARY, id: parked[0]!.id, correlationId: correlationId() });
    expect(again.event).toMatchObject({ status: 'parked', attempts: 4 });

    await sql`drop trigger fail_poison on messages`.execute(h.db);
    const retried = await admin.ok('retryParkedEvent', { actor: MARY, id: parked[0]!.id, correlationId: correlationId() });
    expect(retried.event).toMatchObject({ status: 'retried', resolved_by: MARY.id });
    const inbound = (await h.conversationRows(phone)).messages.filter((m) => m.wamid === poison.id);
    expect(inbound).toHaveLength(1);

    const refusal = await admin.refusal('retryParkedEvent', { actor: MARY, id: parked[0]!.id, correlationId: correlationId() });
    expect(refusal.code).toBe('invalid_request');
    const missing = await admin.refusal('discardParkedEvent', {
      actor: MARY,
      id: '00000000-0000-4000-8000-000000000000',
      correlationId: correlationId(),
    });
    expect(missing.code).toBe('not_found');
  });

  it('parks a schema-invalid event, which an admin can discard, and the partition moves on', async () => {
    await h.start({}, FAST);
    const phone = newPhone();
    const bad = { id: 'wamid.bad', from: phone, type: 'text' };
    const subject = h.t.inboundSubject(partitionOf(phone), 'message');
    await h.js.publish(
      subject,
      JSON.stringify({ id: 'wamid.bad', type: 'whatsapp.inbound.message.received', version: 1, data: { message: bad } }),
    );
    const next = await h.publishMessage(buildTextMessage({ from: phone, text: 'hi' }));
    await answered(phone, next.id);
    const parked = await pollUntil(async () => (await h.db.selectFrom('parked_events').selectAll().execute())[0], {
      message: 'parked',
      timeoutMs: 10_000,
    });
    expect(parked).toMatchObject({ source: 'inbound', subject, error: 'invalid inbound message event', attempts: 1 });

    const discarded = await admin.ok('discardParkedEvent', { actor: MARY, id: parked.id, correlationId: correlationId() });
    expect(discarded.event).toMatchObject({ status: 'discarded', resolved_by: MARY.id });
    const list = await admin.ok('listParkedEvents', { actor: MARY, status: 'discarded', limit: 10 });
    expect(list.items.map((i) => i.id)).toEqual([parked.id]);
  });
});
