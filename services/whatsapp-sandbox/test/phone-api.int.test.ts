import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bsuidSchema } from '@app/contracts';
import { newBsuid, newPhone, openEventStream, pollUntil } from '@app/testing';
import type { Student } from '../src/domain/chat';
import type { RunningSandbox } from '../src/sandbox';
import { callMessages, phone, PHONE_NUMBER_ID, startReceiver, startTestSandbox, TOKEN } from './harness';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let sandbox: RunningSandbox;

beforeEach(async () => {
  receiver = await startReceiver();
  sandbox = await startTestSandbox(receiver.url);
});
afterEach(async () => {
  await sandbox.stop();
  await receiver.close();
});

async function addStudent(name = 'Ada Lovelace') {
  const waId = newPhone();
  expect((await phone(sandbox, '/students', { wa_id: waId, name })).status).toBe(201);
  return waId;
}

/** A student who adopted a username and withholds their number: the sandbox gives them a user id. */
async function addUsernameStudent(fields: { username: string; name?: string }): Promise<Student> {
  const added = await phone(sandbox, '/students', fields);
  expect(added.status).toBe(201);
  return added.body as unknown as Student;
}

let usernames = 0;
const newUsername = () => `student_${Date.now().toString(36)}${usernames++}`;

const ticksOf = (id: string) => {
  const bubble = sandbox.store.bubble(id);
  return bubble?.from === 'student' ? bubble.ticks : undefined;
};

describe('the phone page API', () => {
  it("posts a student's text as Meta's signed webhook with the profile name, then ticks it delivered", async () => {
    const waId = await addStudent();
    const sent = await phone(sandbox, `/students/${waId}/messages`, { text: 'hi <b>there</b>' });
    expect(sent.status).toBe(202);
    await pollUntil(() => ticksOf(sent.body.id) === 'delivered', { message: 'delivered ticks' });

    // Every 2026 user has a business-scoped user id: a phone student too, named by both ids.
    const userId = sandbox.store.student(waId)!.userId;
    expect(bsuidSchema.safeParse(userId).success).toBe(true);
    const [delivery] = receiver.deliveries;
    expect(delivery?.signedWell).toBe(true);
    expect(delivery?.body).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [
        { changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_NUMBER_ID } } }] },
      ],
    });
    expect(receiver.contacts()).toEqual([{ wa_id: waId, user_id: userId, profile: { name: 'Ada Lovelace' } }]);
    expect(receiver.messages()).toEqual([
      {
        from: waId,
        from_user_id: userId,
        id: sent.body.id,
        timestamp: expect.stringMatching(/^\d+$/),
        type: 'text',
        text: { body: 'hi <b>there</b>' },
      },
    ]);
  });

  it('adds a username-only student with a generated user id and no phone, and posts their messages without from or wa_id', async () => {
    const username = newUsername();
    const student = await addUsernameStudent({ username: `@${username}` });
    expect(student).toEqual({ userId: expect.stringMatching(/^NG\.\d+$/), username, createdAt: expect.any(Number) });
    expect(bsuidSchema.safeParse(student.userId).success).toBe(true);

    const sent = await phone(sandbox, `/students/${encodeURIComponent(student.userId)}/messages`, { text: 'hi' });
    expect(sent.status).toBe(202);
    await pollUntil(() => ticksOf(sent.body.id) === 'delivered', { message: 'delivered ticks' });

    expect(receiver.contacts()).toEqual([{ user_id: student.userId, profile: { username } }]);
    expect(receiver.messages()).toEqual([
      { from_user_id: student.userId, id: sent.body.id, timestamp: expect.stringMatching(/^\d+$/), type: 'text', text: { body: 'hi' } },
    ]);
  });

  it("shows the school's reply sent to a user id (recipient) on that student's phone, its statuses naming only recipient_user_id", async () => {
    const username = newUsername();
    const student = await addUsernameStudent({ username, name: 'Grace Hopper' });
    const stream = await openEventStream(`${sandbox.url}/phone/api/events?student=${encodeURIComponent(student.userId)}`);
    try {
      await stream.waitFor((f) => f.event === 'chat');
      const answer = await callMessages(sandbox, {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        recipient: student.userId,
        type: 'text',
        text: { body: 'Hello Grace' },
        biz_opaque_callback_data: 'm-1',
      });
      expect(answer).toMatchObject({ status: 200, body: { contacts: [{ input: student.userId, user_id: student.userId }] } });
      expect(answer.body.contacts).toEqual([{ input: student.userId, user_id: student.userId }]);
      const wamid = answer.body.messages![0]!.id;
      await stream.waitFor(
        (f) => f.event === 'bubble' && JSON.parse(f.data!).id === wamid && JSON.parse(f.data!).content.text === 'Hello Grace',
      );
      expect(sandbox.store.bubbles(student.userId)).toEqual([
        expect.objectContaining({ id: wamid, from: 'business', studentId: student.userId }),
      ]);

      expect((await phone(sandbox, `/students/${encodeURIComponent(student.userId)}/read`)).body).toEqual({ read: 1 });
      await pollUntil(() => receiver.statuses().length === 3, { message: 'sent, delivered and read' });
      const pricing = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
      expect(receiver.statuses()).toEqual(
        ['sent', 'delivered', 'read'].map((status) => ({
          id: wamid,
          status,
          timestamp: expect.any(String),
          recipient_user_id: student.userId,
          pricing,
          biz_opaque_callback_data: 'm-1',
        })),
      );
      expect(receiver.contacts()).toEqual(
        Array.from({ length: 3 }, () => ({ user_id: student.userId, profile: { name: 'Grace Hopper', username } })),
      );
    } finally {
      stream.close();
    }
  });

  it("names a phone student's statuses by recipient_id and recipient_user_id when the school wrote to the phone", async () => {
    const waId = await addStudent('Bo');
    const userId = sandbox.store.student(waId)!.userId;
    const wamid = (
      await callMessages(sandbox, {
        messaging_product: 'whatsapp',
        to: waId,
        type: 'template',
        template: { name: 'welcome', language: { code: 'en' } },
      })
    ).body.messages![0]!.id;
    await pollUntil(() => receiver.statuses().length === 2, { message: 'sent and delivered' });
    expect(receiver.statuses()).toEqual([
      expect.objectContaining({
        id: wamid,
        status: 'sent',
        recipient_id: waId,
        recipient_user_id: userId,
        pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
      }),
      expect.objectContaining({ id: wamid, status: 'delivered', recipient_id: waId, recipient_user_id: userId }),
    ]);
    expect(receiver.contacts()).toEqual([
      { wa_id: waId, user_id: userId, profile: { name: 'Bo' } },
      { wa_id: waId, user_id: userId, profile: { name: 'Bo' } },
    ]);
    // The same student, reached by their user id: one chat, whichever id the school used.
    await callMessages(sandbox, { messaging_product: 'whatsapp', recipient: userId, type: 'text', text: { body: 'by user id' } });
    expect(sandbox.store.bubbles(waId).map((b) => b.id)).toEqual(sandbox.store.bubbles(userId).map((b) => b.id));
    expect(sandbox.store.bubbles(waId)).toHaveLength(2);
    expect(sandbox.store.students()).toHaveLength(1);
  });

  it('keeps a student their user id when they are added again, and a username to one student', async () => {
    const username = newUsername();
    const first = await addUsernameStudent({ username });
    const again = await addUsernameStudent({ username, name: 'Ada' });
    expect(again).toMatchObject({ userId: first.userId, name: 'Ada', username });
    // The username-only student shares their number from now on: the same student, the same user id.
    const waId = newPhone();
    const shared = await phone(sandbox, '/students', { wa_id: waId, username });
    expect(shared).toMatchObject({ status: 201, body: { userId: first.userId, waId, username, name: 'Ada' } });
    // Another number cannot take that username.
    const taken = await phone(sandbox, '/students', { wa_id: newPhone(), name: 'Someone', username });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'username_taken' } });
    expect(sandbox.store.students()).toHaveLength(1);
    expect(sandbox.store.student(waId)?.userId).toBe(first.userId);
  });

  it('streams the chat of a student named by user id in the URL, and of one named by phone', async () => {
    const student = await addUsernameStudent({ username: newUsername() });
    const stream = await openEventStream(`${sandbox.url}/phone/api/events?student=${encodeURIComponent(student.userId)}`);
    try {
      await stream.waitFor((f) => f.event === 'chat');
      const sent = (await phone(sandbox, `/students/${encodeURIComponent(student.userId)}/messages`, { text: 'streamed' })).body.id;
      await stream.waitFor((f) => f.event === 'bubble' && JSON.parse(f.data!).id === sent && JSON.parse(f.data!).ticks === 'delivered');
      await callMessages(sandbox, { messaging_product: 'whatsapp', status: 'read', message_id: sent, typing_indicator: { type: 'text' } });
      await stream.waitFor((f) => f.event === 'typing' && JSON.parse(f.data!).until > Date.now());
    } finally {
      stream.close();
    }
  });

  it('answers a tapped button with button_reply and a list row with list_reply, each naming the message it answers', async () => {
    const waId = await addStudent();
    const menu = await callMessages(sandbox, {
      messaging_product: 'whatsapp',
      to: waId,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Menu' },
        action: { button: 'Menu', sections: [{ rows: [{ id: 'support', title: 'Chat Support', description: 'Talk to staff' }] }] },
      },
    });
    const wamid = menu.body.messages![0]!.id;
    await phone(sandbox, `/students/${waId}/replies`, {
      kind: 'list_reply',
      id: 'support',
      title: 'Chat Support',
      description: 'Talk to staff',
      reply_to: wamid,
    });
    await phone(sandbox, `/students/${waId}/replies`, { kind: 'button_reply', id: 'end_chat', title: 'End chat', reply_to: wamid });
    await pollUntil(() => receiver.messages().length === 2, { message: 'two replies' });
    expect(receiver.messages()).toEqual([
      expect.objectContaining({
        type: 'interactive',
        context: { from: '15550783881', id: wamid },
        interactive: { type: 'list_reply', list_reply: { id: 'support', title: 'Chat Support', description: 'Talk to staff' } },
      }),
      expect.objectContaining({
        type: 'interactive',
        context: { from: '15550783881', id: wamid },
        interactive: { type: 'button_reply', button_reply: { id: 'end_chat', title: 'End chat' } },
      }),
    ]);
  });

  it('serves an attached photo back through the media endpoints, with the Bearer token, bytes and sha256 intact', async () => {
    const waId = await addStudent();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 2048 }, (_, i) => i % 256)]);
    const upload = await fetch(`${sandbox.url}/phone/api/students/${waId}/media`, {
      method: 'POST',
      headers: {
        'content-type': 'image/jpeg',
        'x-filename': encodeURIComponent('homework.jpg'),
        'x-caption': encodeURIComponent('My homework'),
      },
      body: bytes,
    });
    expect(upload.status).toBe(202);
    await pollUntil(() => receiver.messages().length === 1, { message: 'the image webhook' });
    const image = receiver.messages()[0]!.image as { id: string; mime_type: string; sha256: string; caption: string };
    expect(image).toEqual({
      id: expect.stringMatching(/^\d+$/),
      mime_type: 'image/jpeg',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      caption: 'My homework',
    });

    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${sandbox.url}/v25.0/${image.id}`)).status).toBe(401);
    const metadata = (await (await fetch(`${sandbox.url}/v25.0/${image.id}`, { headers: auth })).json()) as {
      url: string;
      sha256: string;
      file_size: number;
    };
    expect(metadata).toMatchObject({ sha256: image.sha256, file_size: bytes.length, mime_type: 'image/jpeg' });
    const download = await fetch(metadata.url, { headers: auth });
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('sends any other file as a document with its name, and never serves it to the page as a page', async () => {
    const waId = await addStudent();
    await fetch(`${sandbox.url}/phone/api/students/${waId}/media`, {
      method: 'POST',
      headers: { 'content-type': 'text/html', 'x-filename': 'essay.html' },
      body: '<script>alert(1)</script>',
    });
    await pollUntil(() => receiver.messages().length === 1, { message: 'the document webhook' });
    const document = receiver.messages()[0]!.document as { id: string; filename: string };
    expect(document).toMatchObject({ filename: 'essay.html', mime_type: 'text/html' });
    const served = await fetch(`${sandbox.url}/phone/media/${document.id}`);
    expect(served.headers.get('content-disposition')).toBe('attachment');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('takes a JSON file as a document like any other, untouched by the Cloud API routes beside it', async () => {
    const waId = await addStudent();
    const upload = await fetch(`${sandbox.url}/phone/api/students/${waId}/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-filename': 'notes.json' },
      body: '{"not": "a send"',
    });
    expect(upload.status).toBe(202);
    await pollUntil(() => receiver.messages().length === 1, { message: 'the document webhook' });
    expect(receiver.messages()[0]).toMatchObject({ type: 'document', document: { filename: 'notes.json', mime_type: 'application/json' } });
  });

  it("turns the student's ticks blue for the marked message and every earlier one, and shows typing", async () => {
    const waId = await addStudent();
    const first = (await phone(sandbox, `/students/${waId}/messages`, { text: 'one' })).body.id;
    const second = (await phone(sandbox, `/students/${waId}/messages`, { text: 'two' })).body.id;
    const third = (await phone(sandbox, `/students/${waId}/messages`, { text: 'three' })).body.id;
    await pollUntil(() => ticksOf(third) === 'delivered', { message: 'delivered' });
    const stream = await openEventStream(`${sandbox.url}/phone/api/events?student=${waId}`);
    try {
      const read = await callMessages(sandbox, {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: second,
        typing_indicator: { type: 'text' },
      });
      expect(read).toEqual({ status: 200, body: { success: true } });
      expect([first, second, third].map(ticksOf)).toEqual(['read', 'read', 'delivered']);
      await stream.waitFor((f) => f.event === 'typing' && JSON.parse(f.data!).until > Date.now());
    } finally {
      stream.close();
    }
  });

  it('shows a message as not delivered, with the reason, when the gateway keeps refusing it', async () => {
    receiver.answer(401);
    const waId = await addStudent();
    const sent = (await phone(sandbox, `/students/${waId}/messages`, { text: 'anyone?' })).body.id;
    await pollUntil(() => ticksOf(sent) === 'failed', { message: 'failed ticks' });
    expect(receiver.deliveries).toHaveLength(3); // the first try and two retries
    expect(sandbox.store.bubble(sent)).toMatchObject({ failure: 'the gateway answered 401' });
  });

  it('streams a chat: the students and the chat first, then every new message and tick', async () => {
    const waId = await addStudent('Grace Hopper');
    await phone(sandbox, `/students/${waId}/messages`, { text: 'before' });
    const stream = await openEventStream(`${sandbox.url}/phone/api/events?student=${waId}`);
    try {
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const students = await stream.waitFor((f) => f.event === 'students');
      expect(JSON.parse(students.data!)).toContainEqual(expect.objectContaining({ waId, name: 'Grace Hopper' }));
      const chat = await stream.waitFor((f) => f.event === 'chat');
      expect(JSON.parse(chat.data!).bubbles).toEqual([expect.objectContaining({ content: { type: 'text', text: 'before' } })]);

      const wamid = (await callMessages(sandbox, { messaging_product: 'whatsapp', to: waId, type: 'text', text: { body: 'after' } })).body
        .messages![0]!.id;
      await stream.waitFor((f) => f.event === 'bubble' && JSON.parse(f.data!).id === wamid);
      await stream.waitFor((f) => f.event === 'bubble' && JSON.parse(f.data!).id === wamid && JSON.parse(f.data!).status === 'delivered');
    } finally {
      stream.close();
    }
  });

  it('refuses a student with a bad number, without a phone or a username, or with a bad username, and messages for a student nobody added', async () => {
    expect((await phone(sandbox, '/students', { wa_id: '+44 7700', name: 'X' })).status).toBe(400);
    expect((await phone(sandbox, '/students', { name: 'Nobody' })).status).toBe(400);
    expect((await phone(sandbox, '/students', { wa_id: newPhone() })).status).toBe(400);
    expect((await phone(sandbox, '/students', { username: 'no spaces allowed' })).status).toBe(400);
    expect((await phone(sandbox, '/students', { username: '1234' })).status).toBe(400);
    expect((await phone(sandbox, `/students/${newPhone()}/messages`, { text: 'hi' })).status).toBe(404);
    expect((await phone(sandbox, `/students/${encodeURIComponent(newBsuid())}/messages`, { text: 'hi' })).status).toBe(404);
    expect((await phone(sandbox, `/students/not-an-id/messages`, { text: 'hi' })).status).toBe(400);
  });
});
