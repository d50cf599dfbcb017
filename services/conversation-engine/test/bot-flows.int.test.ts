import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTextMessage, pollUntil } from '@app/testing';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { createEngineHarness, type EngineHarness } from './engine-harness';
import { describeReply, MENU_IDS, registeredStudent } from './student-driver';

describe('the bot flows through the engine', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await createEngineHarness();
    await h.start();
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows the menu for "menu", "home" and "hi" from any step of a registered student', async () => {
    const student = await registeredStudent(h);
    for (const typed of ['MENU', 'home', 'Hi']) {
      await student.taps('homework');
      const replies = await student.says(typed);
      expect(replies.map((r) => [r.kind, r.ids])).toEqual([['list', MENU_IDS]]);
      expect(await student.botState()).toEqual({ step: 'menu' });
    }
  });

  it('files typed homework with a unique reference, then another in a row', async () => {
    const student = await registeredStudent(h);
    const subjects = await student.taps('homework');
    expect(subjects[0]?.ids).toContain('subject:maths');
    expect((await student.picks('subject:maths'))[0]?.body).toContain('Send your Mathematics homework');
    const first = await student.says('Question 1: x = 42');
    expect(first[0]?.ids).toEqual(['homework_another', 'menu']);
    const firstRef = /HW-\d{6}/.exec(first[0]!.body)?.[0];
    expect(firstRef).toBeDefined();

    await student.taps('homework_another');
    await student.picks('subject:english');
    const second = await student.says('My essay on Macbeth');
    const secondRef = /HW-\d{6}/.exec(second[0]!.body)?.[0];
    expect(secondRef).not.toBe(firstRef);

    expect(
      (await student.homework()).map((w) => ({
        reference: w.reference,
        subject: w.subject,
        subject_id: w.subject_id,
        text: w.text,
        media_id: w.media_id,
      })),
    ).toEqual([
      { reference: firstRef, subject: 'Mathematics', subject_id: 'maths', text: 'Question 1: x = 42', media_id: null },
      { reference: secondRef, subject: 'English', subject_id: 'english', text: 'My essay on Macbeth', media_id: null },
    ]);
    expect((await student.taps('menu'))[0]?.ids).toEqual(MENU_IDS);
  });

  it('files a photo by its media id, mime type, sha256 and caption', async () => {
    const student = await registeredStudent(h);
    await student.taps('homework');
    await student.picks('subject:art');
    const replies = await student.sendsImage({
      id: '1234567890',
      mime_type: 'image/jpeg',
      sha256: 'q83vEjRWeJA=',
      caption: 'My still life',
    });
    expect(replies[0]?.body).toMatch(/Art homework was submitted\.\nReference: \*HW-\d{6}\*/);
    const [work] = await student.homework();
    expect(work).toMatchObject({
      subject: 'Art',
      text: null,
      media_type: 'image',
      media_id: '1234567890',
      media_mime_type: 'image/jpeg',
      media_sha256: 'q83vEjRWeJA=',
      media_caption: 'My still life',
    });
    expect(work?.message_id).toBeDefined();
  });

  it('cancels a homework submission without filing anything', async () => {
    const student = await registeredStudent(h);
    await student.taps('homework');
    await student.picks('subject:science');
    const replies = await student.says('cancel');
    expect(replies[0]?.body).toContain(T['menu.cancelled']);
    expect(await student.homework()).toEqual([]);
  });

  it('answers an FAQ from the topic list and offers more FAQ or the menu', async () => {
    const student = await registeredStudent(h);
    const topics = await student.taps('faq');
    expect(topics.map((r) => [r.kind, r.ids])).toEqual([
      ['list', ['faq_cat:school-hours', 'faq_cat:homework', 'faq_cat:exams', 'faq_cat:fees', 'faq_cat:contact']],
    ]);
    const questions = await student.picks('faq_cat:exams', 'Exams');
    expect(questions[0]?.ids).toEqual(['faq_q:exam-timetable', 'faq_q:exam-missed']);
    const answer = await student.picks('faq_q:exam-timetable');
    expect(answer).toHaveLength(1);
    expect(answer[0]?.body).toContain('noticeboard');
    expect(answer[0]?.ids).toEqual(['faq_more', 'menu']);
    expect((await student.taps('faq_more'))[0]?.ids).toHaveLength(5);
  });

  it('updates the profile and shows it again', async () => {
    const student = await registeredStudent(h);
    const view = await student.taps('profile');
    expect(view[0]?.body).toContain('Name: Ada Lovelace');
    expect(view[0]?.ids).toEqual(['profile_name', 'profile_email', 'profile_class', 'menu']);
    await student.picks('profile_name');
    expect((await student.says('Ada 2'))[0]?.body).toContain(T['registration.name_invalid']);
    const saved = await student.says('Ada King');
    expect(saved[0]?.body).toContain('Name: Ada King');
    await student.picks('profile_class');
    await student.picks('class:grade-12');
    expect(await student.profile()).toMatchObject({ name: 'Ada King', email: 'ada@example.com', class_name: 'Grade 12' });
    expect((await student.picks('menu'))[0]?.ids).toEqual(MENU_IDS);
  });

  it('answers a sticker and a location politely and leaves the student where they were', async () => {
    const student = await registeredStudent(h);
    await student.taps('faq');
    for (const replies of [await student.sendsSticker(), await student.sendsLocation()]) {
      expect(replies).toEqual([expect.objectContaining({ kind: 'text', body: T['common.unsupported'] })]);
    }
    expect(await student.botState()).toEqual({ step: 'faq.categories' });
  });

  it("uses the school's wording from the database, changed without a deploy", async () => {
    const student = await registeredStudent(h);
    await h.db.updateTable('bot_texts').set({ body: 'Hello from the new wording. Pick one:' }).where('id', '=', 'menu.body').execute();
    expect((await student.says('menu'))[0]?.body).toBe('Hello from the new wording. Pick one:');
  });

  it('answers three messages sent at once, each in order', async () => {
    const student = await registeredStudent(h);
    await student.taps('profile');
    const burst = [
      buildTextMessage({ from: student.phone, text: 'menu' }),
      buildTextMessage({ from: student.phone, text: 'help' }),
      buildTextMessage({ from: student.phone, text: 'support' }),
    ];
    const events = [];
    for (const message of burst) events.push(await h.publishMessage(message));
    await pollUntil(async () => (await h.conversationRows(student.phone)).messages.some((m) => m.wamid === burst[2]!.id), {
      message: 'the third message processed',
    });
    const { messages } = await h.conversationRows(student.phone);
    const tail = messages.slice(messages.findIndex((m) => m.wamid === burst[0]!.id));
    expect(tail.map((m) => (m.direction === 'inbound' ? `in:${m.text}` : `out:${describeReply(m.content).kind}`))).toEqual([
      'in:menu',
      'out:list',
      'in:help',
      'out:text',
      'out:list',
      'in:support',
      'out:buttons',
    ]);
    expect(tail.filter((m) => m.direction === 'outbound').map((m) => m.correlation_id)).toEqual([
      events[0]!.correlationId,
      events[1]!.correlationId,
      events[1]!.correlationId,
      events[2]!.correlationId,
    ]);
  });
});
