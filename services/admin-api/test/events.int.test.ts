import { topology } from '@app/contracts';
import { connectNats, type NatsConnection } from '@app/messaging';
import { pollUntil, testInfra, openEventStream, type EventStream } from '@app/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { setUserDisabled } from '../src/db/repositories/admin-user.repository';
import { BSUID, buildConversation, buildEngineEvent, buildUsernameOnlyConversation, PHONE } from './builders';
import {
  createTestSchema,
  errorCodeOf,
  send,
  signedInTeacher,
  signedInUser,
  silentLog,
  startTestApi,
  type SignedInUser,
  type TestSchema,
} from './harness';

let t: TestSchema;
let apiA: RunningAdminApi;
let apiB: RunningAdminApi;
let nc: NatsConnection;
let redis: Redis;
let agent: SignedInUser;
const streams: EventStream[] = [];

beforeAll(async () => {
  t = await createTestSchema();
  // Two replicas sharing NATS and Redis, as behind a Kubernetes Service.
  [apiA, apiB] = await Promise.all([startTestApi(t.namespace, { SSE_HEARTBEAT_MS: '200' }), startTestApi(t.namespace)]);
  nc = await connectNats(testInfra.natsUrl, 'events-test', silentLog);
  redis = new Redis(testInfra.redisUrl);
  agent = await signedInTeacher(t, apiA);
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.all([apiA?.stop(), apiB?.stop()]);
  await nc?.drain();
  redis?.disconnect();
  await t?.drop();
});

async function ticketFrom(api: RunningAdminApi, token = agent.token): Promise<string> {
  const res = await send(`${api.url}/api/admin/events/ticket`, { method: 'POST', token });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ticket: string; expires_at: string };
  expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(50_000);
  expect(Date.parse(body.expires_at) - Date.now()).toBeLessThanOrEqual(60_000);
  return body.ticket;
}

async function open(api: RunningAdminApi, query = '', headers: Record<string, string> = {}): Promise<EventStream> {
  const stream = await openEventStream(`${api.url}/api/admin/events${query}`, headers);
  streams.push(stream);
  return stream;
}

function publish(event = buildEngineEvent()) {
  nc.publish(topology(t.namespace).engineEventsSubject(event.event), JSON.stringify(event));
}

describe('GET /api/admin/events', () => {
  it('delivers a published engine event to a client signed in with a ticket, within a second', async () => {
    const stream = await open(apiA, `?ticket=${await ticketFrom(apiA)}`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect((await stream.waitFor((f) => f.retry !== undefined)).retry).toBe('3000');

    const event = buildEngineEvent({ event: 'conversation.updated', message: undefined, conversation: buildConversation() });
    publish(event);
    const frame = await stream.waitFor((f) => f.event === 'conversation.updated');
    expect(JSON.parse(frame.data ?? '')).toEqual({
      phone_number: PHONE,
      user_id: null,
      conversation: buildConversation(),
      occurredAt: event.occurredAt,
    });
  });

  it('delivers every event to the clients of both replicas, whichever replica issued the ticket', async () => {
    const onA = await open(apiA, `?ticket=${await ticketFrom(apiB)}`);
    const onB = await open(apiB, `?ticket=${await ticketFrom(apiA)}`);
    await Promise.all([onA, onB].map((s) => s.waitFor((f) => f.retry !== undefined)));
    const event = buildEngineEvent({ event: 'message.status', message: buildEngineEvent().message });
    publish(event);
    for (const stream of [onA, onB]) {
      const frame = await stream.waitFor((f) => f.event === 'message.status');
      expect(JSON.parse(frame.data ?? '')).toEqual({
        phone_number: PHONE,
        user_id: null,
        message: event.message,
        occurredAt: event.occurredAt,
      });
    }
  });

  it('passes on the events of a student known only by user id: phone_number null, user_id and username set', async () => {
    const stream = await open(apiA, `?ticket=${await ticketFrom(apiA)}`);
    await stream.waitFor((f) => f.retry !== undefined);
    const event = buildEngineEvent({
      event: 'conversation.updated',
      phone_number: null,
      user_id: BSUID,
      message: undefined,
      conversation: buildUsernameOnlyConversation(),
    });
    publish(event);
    const frame = await stream.waitFor((f) => f.event === 'conversation.updated' && f.data?.includes(BSUID) === true);
    expect(JSON.parse(frame.data ?? '')).toEqual({
      phone_number: null,
      user_id: BSUID,
      conversation: buildUsernameOnlyConversation(),
      occurredAt: event.occurredAt,
    });
  });

  it('accepts a bearer header instead of a ticket', async () => {
    const stream = await open(apiB, '', { authorization: `Bearer ${agent.token}` });
    expect(stream.status).toBe(200);
    publish(buildEngineEvent({ phone_number: '27821234567' }));
    await stream.waitFor((f) => f.event === 'message.created' && f.data?.includes('27821234567') === true);
  });

  it('drops an event that breaks the contract and keeps delivering the next ones', async () => {
    const stream = await open(apiA, `?ticket=${await ticketFrom(apiA)}`);
    await stream.waitFor((f) => f.retry !== undefined);
    nc.publish(topology(t.namespace).engineEventsSubject('message.created'), JSON.stringify({ event: 'message.created', phone: 1 }));
    nc.publish(topology(t.namespace).engineEventsSubject('message.created'), 'not json');
    publish(buildEngineEvent({ phone_number: '27829999999' }));
    await stream.waitFor((f) => f.data?.includes('27829999999') === true);
    expect(stream.frames.filter((f) => f.event !== undefined).every((f) => f.data?.includes('"phone_number"'))).toBe(true);
  });

  it('sends a heartbeat comment on idle streams', async () => {
    const stream = await open(apiA, `?ticket=${await ticketFrom(apiA)}`);
    await stream.waitFor((f) => f.comments.includes('heartbeat'));
  });
});

describe('events tickets', () => {
  it('answers 401 for a ticket used once already', async () => {
    const ticket = await ticketFrom(apiA);
    expect((await open(apiA, `?ticket=${ticket}`)).status).toBe(200);
    const again = await open(apiB, `?ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(again.error).toEqual({ error: { code: 'unauthorized', message: 'the ticket is invalid, used or expired' } });
  });

  it('answers 401 for an expired ticket', async () => {
    const ticket = await ticketFrom(apiA);
    const keys = await redis.keys(`${t.namespace}:admin-api:events-ticket:*`);
    expect(keys).toHaveLength(1);
    // Expire it now rather than wait a minute: what the server sees is the same, the key is gone.
    await redis.pexpire(keys[0] ?? '', 1);
    await pollUntil(async () => (await redis.exists(keys[0] ?? '')) === 0, { message: 'the ticket key to expire' });
    expect((await open(apiA, `?ticket=${ticket}`)).status).toBe(401);
  });

  it('answers 401 for a ticket nobody issued, and for a ticket request without a token', async () => {
    expect((await open(apiA, '?ticket=made-up')).status).toBe(401);
    expect(await errorCodeOf(await send(`${apiA.url}/api/admin/events/ticket`, { method: 'POST' }))).toBe('unauthorized');
  });

  it('answers 401 when the user was disabled after the ticket was issued', async () => {
    const leaver = await signedInUser(t, apiA, 'leaver@school.org', 'agent');
    const ticket = await ticketFrom(apiA, leaver.token);
    await setUserDisabled(t.db, leaver.user.id, new Date());
    expect((await open(apiA, `?ticket=${ticket}`)).status).toBe(401);
  });

  it("ends a disabled user's open stream at the next heartbeat", async () => {
    const leaver = await signedInUser(t, apiA, 'leaver2@school.org', 'agent');
    const stream = await open(apiA, `?ticket=${await ticketFrom(apiA, leaver.token)}`);
    expect(stream.status).toBe(200);
    let ended = false;
    void stream.ended.then(() => (ended = true));
    await setUserDisabled(t.db, leaver.user.id, new Date());
    // The heartbeat is 200 ms on this replica.
    await pollUntil(() => ended, { timeoutMs: 3_000, message: 'the stream to end' });
  });
});

describe('shutdown with clients connected', () => {
  it('ends every event stream so the replica stops quickly', async () => {
    const replica = await startTestApi(t.namespace);
    const stream = await open(replica, `?ticket=${await ticketFrom(replica)}`);
    await stream.waitFor((f) => f.retry !== undefined);
    const started = Date.now();
    expect(await replica.stop()).toBe(true);
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
