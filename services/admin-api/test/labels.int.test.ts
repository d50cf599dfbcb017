import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { LabelView } from '@app/contracts';
import type { RunningAdminApi } from '../src/admin-api';
import { buildConversation, PHONE } from './builders';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { errorCodeOf, send, signedInHead, signedInTeacher, type SignedInUser, type TestSchema } from './harness';

const FEES: LabelView = { id: randomUUID(), name: 'Fees', colour: '#fde68a' };

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let admin: SignedInUser;
let agent: SignedInUser;

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  admin = await signedInHead(t, api);
  agent = await signedInTeacher(t, api);
  await engine.answer('listLabels', () => ({ ok: true, data: { items: [FEES] } }));
  await engine.answer('createLabel', (r) =>
    r.name.toLowerCase() === 'fees'
      ? { ok: false, error: { code: 'name_taken', message: 'another label has this name' } }
      : { ok: true, data: { label: { id: randomUUID(), name: r.name, colour: r.colour } } },
  );
  await engine.answer('updateLabel', (r) =>
    r.id === FEES.id
      ? { ok: true, data: { label: { ...FEES, ...(r.name ? { name: r.name } : {}), ...(r.colour ? { colour: r.colour } : {}) } } }
      : { ok: false, error: { code: 'not_found', message: 'no label with this id' } },
  );
  await engine.answer('deleteLabel', (r) =>
    r.id === FEES.id ? { ok: true, data: { label: FEES } } : { ok: false, error: { code: 'not_found', message: 'no label with this id' } },
  );
  await engine.answer('addConversationLabel', (r) => ({
    ok: true,
    data: { conversation: buildConversation({ phone_number: r.student, labels: [FEES] }) },
  }));
  await engine.answer('removeConversationLabel', (r) => ({
    ok: true,
    data: { conversation: buildConversation({ phone_number: r.student, labels: [] }) },
  }));
  await engine.answer('listConversations', () => ({
    ok: true,
    data: { items: [buildConversation({ labels: [FEES] })], next_cursor: null },
  }));
});

const url = (path: string) => `${api.url}/api/admin${path}`;
const auditsOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('the label set, managed by admins', () => {
  it('creates a label with its colour in lower case, and audits it', async () => {
    const res = await send(url('/labels'), { method: 'POST', token: admin.token, body: { name: ' Exams ', colour: '#BBF7D0' } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { label: LabelView }).label).toMatchObject({ name: 'Exams', colour: '#bbf7d0' });
    expect(engine.received.at(-1)).toMatchObject({
      name: 'createLabel',
      valid: true,
      body: { name: 'Exams', colour: '#bbf7d0', actor: { id: admin.user.id } },
    });
    expect((await auditsOf('label.created')).at(-1)).toMatchObject({
      actor_id: admin.user.id,
      details: { outcome: 'ok', name: 'Exams', colour: '#bbf7d0' },
    });
  });

  it('answers 409 name_taken as the engine says, and 400 for a colour or name that does not fit', async () => {
    const taken = await send(url('/labels'), { method: 'POST', token: admin.token, body: { name: 'FEES', colour: '#000000' } });
    expect(taken.status).toBe(409);
    expect(await errorCodeOf(taken)).toBe('name_taken');
    const before = engine.received.length;
    for (const body of [
      { name: 'Red', colour: 'red' },
      { name: 'Red', colour: '#ff000' },
      { name: '', colour: '#ff0000' },
      { name: 'x'.repeat(41), colour: '#ff0000' },
      { name: 'Red' },
    ]) {
      expect((await send(url('/labels'), { method: 'POST', token: admin.token, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect(engine.received.length).toBe(before);
  });

  it('renames, recolours and deletes a label; an unknown one is 404', async () => {
    const renamed = await send(url(`/labels/${FEES.id}`), { method: 'PATCH', token: admin.token, body: { name: 'School fees' } });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { label: LabelView }).label).toEqual({ ...FEES, name: 'School fees' });
    expect((await send(url(`/labels/${FEES.id}`), { method: 'PATCH', token: admin.token, body: {} })).status).toBe(400);
    expect((await send(url(`/labels/${randomUUID()}`), { method: 'PATCH', token: admin.token, body: { colour: '#ffffff' } })).status).toBe(
      404,
    );
    expect((await send(url(`/labels/${FEES.id}`), { method: 'DELETE', token: admin.token })).status).toBe(200);
    expect((await send(url(`/labels/${randomUUID()}`), { method: 'DELETE', token: admin.token })).status).toBe(404);
    expect((await auditsOf('label.updated')).map((e) => [e.target, e.details['outcome']])).toEqual([
      [FEES.id, 'ok'],
      [expect.any(String), 'not_found'],
    ]);
    expect((await auditsOf('label.deleted')).map((e) => e.details['outcome'])).toEqual(['ok', 'not_found']);
  });

  it('lists labels to agents but lets only admins change the set', async () => {
    const list = await send(url('/labels'), { token: agent.token });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ items: [FEES] });
    expect((await send(url('/labels'), { method: 'POST', token: agent.token, body: { name: 'Mine', colour: '#ffffff' } })).status).toBe(
      403,
    );
    expect((await send(url(`/labels/${FEES.id}`), { method: 'PATCH', token: agent.token, body: { name: 'x' } })).status).toBe(403);
    expect((await send(url(`/labels/${FEES.id}`), { method: 'DELETE', token: agent.token })).status).toBe(403);
  });
});

describe('labels on conversations', () => {
  it('lets an agent put a label on a conversation and take it off, each audited', async () => {
    const added = await send(url(`/conversations/${PHONE}/labels`), { method: 'POST', token: agent.token, body: { label_id: FEES.id } });
    expect(added.status).toBe(200);
    expect(((await added.json()) as { conversation: { labels: LabelView[] } }).conversation.labels).toEqual([FEES]);
    expect(engine.received.at(-1)).toMatchObject({
      name: 'addConversationLabel',
      valid: true,
      body: { student: PHONE, label_id: FEES.id, actor: { id: agent.user.id } },
    });

    const removed = await send(url(`/conversations/${PHONE}/labels/${FEES.id}`), { method: 'DELETE', token: agent.token });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { conversation: { labels: LabelView[] } }).conversation.labels).toEqual([]);
    expect(engine.received.at(-1)).toMatchObject({
      name: 'removeConversationLabel',
      valid: true,
      body: { student: PHONE, label_id: FEES.id },
    });

    expect((await auditsOf('conversation.label_added')).at(-1)).toMatchObject({
      actor_id: agent.user.id,
      target: PHONE,
      details: { outcome: 'ok', label_id: FEES.id },
    });
    expect((await auditsOf('conversation.label_removed')).at(-1)).toMatchObject({
      actor_id: agent.user.id,
      target: PHONE,
      details: { outcome: 'ok', label_id: FEES.id },
    });
    expect(
      (await send(url(`/conversations/${PHONE}/labels`), { method: 'POST', token: agent.token, body: { label_id: 'fees' } })).status,
    ).toBe(400);
  });

  it('filters the conversation list by label through the engine, and refuses a label that is not an id', async () => {
    const res = await send(url(`/conversations?label=${FEES.id}&chat_support=true`), { token: agent.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: { labels: LabelView[] }[] }).items[0]?.labels).toEqual([FEES]);
    expect(engine.received.at(-1)).toMatchObject({ name: 'listConversations', valid: true, body: { label: FEES.id, chat_support: true } });
    expect((await send(url('/conversations?label=fees'), { token: agent.token })).status).toBe(400);
  });
});
