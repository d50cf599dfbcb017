import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { newPhone, pollUntil } from '@app/testing';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { registeredStudent } from './student-driver';

describe('labels on conversations, over the engine RPC', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world));

  const create = (name: string, colour = '#FDE68A') =>
    admin.ok('createLabel', { actor: MARY, name, colour, correlationId: correlationId() });
  const label = (student: string, labelId: string, actor = JOHN) =>
    admin.ok('addConversationLabel', { actor, student, label_id: labelId, correlationId: correlationId() });
  const unlabel = (student: string, labelId: string) =>
    admin.ok('removeConversationLabel', { actor: JOHN, student, label_id: labelId, correlationId: correlationId() });
  /** conversation.updated events from the first that showed a label on (registration's own come before). */
  const updatesOf = (phone: string) => {
    const updates = admin.eventsFor(phone).filter((e) => e.event === 'conversation.updated');
    const first = updates.findIndex((e) => (e.conversation?.labels ?? []).length > 0);
    return first === -1 ? [] : updates.slice(first);
  };

  it('keeps a set of labels by name, unique whatever the case, colours as lower-case #rrggbb', async () => {
    const { label: fees } = await create('  Fees ', '#FDE68A');
    const { label: exams } = await create('Exams', '#bbf7d0');
    expect(fees).toEqual({ id: expect.any(String), name: 'Fees', colour: '#fde68a' });
    expect((await admin.ok('listLabels', { actor: JOHN })).items).toEqual([exams, fees]);
    expect(
      await admin.refusal('createLabel', { actor: MARY, name: 'FEES', colour: '#000000', correlationId: correlationId() }),
    ).toMatchObject({ code: 'name_taken' });
    expect(await admin.raw('labels.create', { actor: MARY, name: 'Red', colour: 'red', correlationId: correlationId() })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await admin.raw('labels.create', { actor: MARY, name: ' ', colour: '#ffffff', correlationId: correlationId() })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });

    const renamed = await admin.ok('updateLabel', { actor: MARY, id: fees.id, name: 'School fees', correlationId: correlationId() });
    expect(renamed.label).toEqual({ ...fees, name: 'School fees' });
    expect(
      await admin.refusal('updateLabel', { actor: MARY, id: exams.id, name: 'school FEES', correlationId: correlationId() }),
    ).toMatchObject({ code: 'name_taken' });
    expect(
      await admin.refusal('updateLabel', { actor: MARY, id: randomUUID(), colour: '#ffffff', correlationId: correlationId() }),
    ).toMatchObject({ code: 'not_found' });
    expect(await admin.refusal('deleteLabel', { actor: MARY, id: randomUUID(), correlationId: correlationId() })).toMatchObject({
      code: 'not_found',
    });
  });

  it('puts labels on a conversation and takes them off, each change published as conversation.updated with the labels', async () => {
    const student = await registeredStudent(h);
    const { label: fees } = await create('Fees');
    const { label: exams } = await create('Exams', '#bbf7d0');

    const { conversation } = await label(student.phone, fees.id);
    expect(conversation.labels).toEqual([fees]);
    expect((await label(student.phone, exams.id)).conversation.labels).toEqual([exams, fees]);
    const updated = await pollUntil(() => (updatesOf(student.phone).length >= 2 ? updatesOf(student.phone) : undefined), {
      message: 'two updates',
    });
    expect(updated.map((e) => e.conversation?.labels?.map((l) => l.name))).toEqual([['Fees'], ['Exams', 'Fees']]);

    // Again: nothing changes, nothing is published.
    expect((await label(student.phone, fees.id)).conversation.labels).toEqual([exams, fees]);
    expect((await unlabel(student.phone, exams.id)).conversation.labels).toEqual([fees]);
    await pollUntil(() => updatesOf(student.phone).length >= 3, { message: 'the removal published' });
    expect((await unlabel(student.phone, exams.id)).conversation.labels).toEqual([fees]);
    expect(updatesOf(student.phone)).toHaveLength(3);
    const [row] = await h.db.selectFrom('conversation_labels').selectAll().execute();
    expect(row).toMatchObject({ label_id: fees.id, added_by: JOHN.id });

    expect(
      await admin.refusal('addConversationLabel', { actor: JOHN, student: newPhone(), label_id: fees.id, correlationId: correlationId() }),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await admin.refusal('addConversationLabel', {
        actor: JOHN,
        student: student.phone,
        label_id: randomUUID(),
        correlationId: correlationId(),
      }),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(admin.invalidEvents).toEqual([]);
  });

  it('filters the conversation list by label, page by page, and shows every conversation its labels', async () => {
    const [ada, ben, cleo] = [
      await registeredStudent(h, 'Ada Lovelace'),
      await registeredStudent(h, 'Ben Okri'),
      await registeredStudent(h, 'Cleo Mbeki'),
    ];
    const { label: fees } = await create('Fees');
    const { label: exams } = await create('Exams');
    await label(ada!.phone, fees.id);
    await label(cleo!.phone, fees.id);
    await label(ben!.phone, exams.id);

    const all = await admin.ok('listConversations', { actor: JOHN, label: fees.id });
    expect(all.items.map((c) => c.phone_number)).toEqual([cleo!.phone, ada!.phone]);
    const first = await admin.ok('listConversations', { actor: JOHN, label: fees.id, limit: 1 });
    const second = await admin.ok('listConversations', { actor: JOHN, label: fees.id, limit: 1, cursor: first.next_cursor! });
    expect([...first.items, ...second.items].map((c) => c.phone_number)).toEqual([cleo!.phone, ada!.phone]);
    expect(second.next_cursor).toBeNull();
    expect((await admin.ok('listConversations', { actor: JOHN, label: randomUUID() })).items).toEqual([]);

    const everyone = await admin.ok('listConversations', { actor: JOHN });
    expect(Object.fromEntries(everyone.items.map((c) => [c.phone_number, c.labels?.map((l) => l.name)]))).toEqual({
      [ada!.phone]: ['Fees'],
      [ben!.phone]: ['Exams'],
      [cleo!.phone]: ['Fees'],
    });
  });

  it('reads a label filter through the label index, not by scanning every conversation label', async () => {
    const { label: fees } = await create('Fees');
    const plan = await h.db.transaction().execute(async (trx) => {
      // A handful of rows would be scanned whatever the indexes: the planner is told to prefer them, as with many rows.
      await sql`set local enable_seqscan = off`.execute(trx);
      // The list's label filter (conversation-views.repository.ts) is this subquery.
      const query = sql`explain select fl.conversation_id from conversation_labels fl where fl.label_id = ${fees.id}`;
      return (await query.execute(trx)).rows.map((r) => Object.values(r as Record<string, string>)[0]).join('\n');
    });
    expect(plan).toContain('conversation_labels_by_label');
  });

  it('publishes every conversation carrying a label when the label is renamed or deleted, and deletes it from them', async () => {
    const ada = await registeredStudent(h, 'Ada Lovelace');
    const ben = await registeredStudent(h, 'Ben Okri');
    const { label: fees } = await create('Fees');
    await label(ada.phone, fees.id);
    await pollUntil(() => updatesOf(ada.phone).length >= 1, { message: 'labelled' });

    await admin.ok('updateLabel', { actor: MARY, id: fees.id, name: 'School fees', colour: '#BFDBFE', correlationId: correlationId() });
    const renamed = await pollUntil(() => updatesOf(ada.phone)[1], { message: 'the rename published' });
    expect(renamed.conversation?.labels).toEqual([{ id: fees.id, name: 'School fees', colour: '#bfdbfe' }]);

    await admin.ok('deleteLabel', { actor: MARY, id: fees.id, correlationId: correlationId() });
    const deleted = await pollUntil(() => updatesOf(ada.phone)[2], { message: 'the delete published' });
    expect(deleted.conversation?.labels).toEqual([]);
    expect(updatesOf(ben.phone)).toEqual([]);
    expect(await h.db.selectFrom('conversation_labels').selectAll().execute()).toEqual([]);
    expect((await admin.ok('listLabels', { actor: JOHN })).items).toEqual([]);
  });
});
