import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { createEngineHarness, type EngineHarness } from './engine-harness';
import { MENU_IDS, studentTalking } from './student-driver';

const CLASS_IDS = [
  'class:grade-6',
  'class:grade-7',
  'class:grade-8',
  'class:grade-9',
  'class:grade-10',
  'class:grade-11',
  'class:grade-12',
];

describe('registration through the engine', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await createEngineHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('registers a new number: name, an invalid email asked again, a typed class, a confirmation and the menu', async () => {
    await h.start();
    const student = studentTalking(h);

    expect(await student.says('Hello')).toEqual([expect.objectContaining({ kind: 'text', body: T['registration.welcome'] })]);
    expect(await student.says('Ada Lovelace')).toEqual([
      expect.objectContaining({ kind: 'text', body: 'Thanks, Ada Lovelace! What is your email address?' }),
    ]);

    const again = await student.says('ada at example dot com');
    expect(again).toHaveLength(1);
    expect(again[0]?.body).toContain(T['registration.email_invalid']);
    expect(await student.botState()).toEqual({ step: 'registration.email', name: 'Ada Lovelace' });

    const classQuestion = await student.says('Ada@Example.com');
    expect(classQuestion.map((r) => [r.kind, r.ids])).toEqual([['list', CLASS_IDS]]);

    const done = await student.says('Form 4B');
    expect(done.map((r) => r.kind)).toEqual(['text', 'list']);
    expect(done[0]?.body).toBe("You're registered! \u2705\nName: Ada Lovelace\nEmail: Ada@example.com\nClass: Form 4B");
    expect(done[1]?.ids).toEqual(MENU_IDS);

    expect(await student.profile()).toMatchObject({
      name: 'Ada Lovelace',
      email: 'Ada@example.com',
      class_name: 'Form 4B',
      registered_at: expect.any(Date),
    });
    expect(await student.botState()).toEqual({ step: 'menu' });
  });

  it('stores the title of a class picked from the list, routed by its id', async () => {
    await h.start();
    const student = studentTalking(h);
    await student.says('hi');
    await student.says('Grace Hopper');
    await student.says('grace@example.com');
    await student.picks('class:grade-11', 'a title the engine must ignore');
    expect(await student.profile()).toMatchObject({ class_name: 'Grade 11' });
  });

  it('offers the WhatsApp profile name as a button and takes it when tapped', async () => {
    await h.start();
    const student = studentTalking(h, { profileName: 'Grace Hopper' });
    await student.says('hi');
    const asked = await student.says('R2-D2');
    expect(asked).toEqual([expect.objectContaining({ kind: 'buttons', ids: ['use_profile_name'] })]);
    expect(asked[0]?.message).toMatchObject({ buttons: [{ title: 'Use Grace Hopper' }] });
    expect((await student.taps('use_profile_name'))[0]?.body).toBe('Thanks, Grace Hopper! What is your email address?');
  });

  it('takes "Chatwin" typed as a name as the name, not as a support request', async () => {
    await h.start();
    const student = studentTalking(h);
    await student.says('hi');
    await student.says('Chatwin');
    expect(await student.botState()).toEqual({ step: 'registration.email', name: 'Chatwin' });
    expect((await student.conversation())?.support_status).toBe('none');
  });

  it('resumes at the same step after the engine is stopped and a new one started', async () => {
    const first = await h.start();
    const student = studentTalking(h);
    await student.says('hi');
    await student.says('Ada Lovelace');
    await first.stop();

    await h.start();
    const next = await student.says('ada@example.com');
    expect(next.map((r) => [r.kind, r.ids])).toEqual([['list', CLASS_IDS]]);
    expect(await student.botState()).toEqual({ step: 'registration.class', name: 'Ada Lovelace', email: 'ada@example.com' });
    const done = await student.picks('class:grade-7');
    expect(done[1]?.ids).toEqual(MENU_IDS);
  });

  it('restarts a student whose stored state no longer parses at a safe step instead of failing', async () => {
    await h.start();
    const student = studentTalking(h);
    await student.says('hi');
    await h.db
      .updateTable('conversations')
      .set({ bot_state: JSON.stringify({ step: 'registration.removed', x: 1 }) })
      .where('phone_number', '=', student.phone)
      .execute();
    expect(await student.says('Ada Lovelace')).toEqual([expect.objectContaining({ body: T['registration.welcome'] })]);
    expect(await student.botState()).toEqual({ step: 'registration.name' });
  });
});
