import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { createEngineHarness, type EngineHarness } from './engine-harness';
import { MENU_IDS, registeredStudent, studentTalking } from './student-driver';

describe('a support chat through the engine', () => {
  let h: EngineHarness;
  // The bot's clock: moved forward by the test instead of waiting a minute.
  let clock: number;
  beforeEach(async () => {
    clock = Date.now();
    h = await createEngineHarness();
    await h.start({ now: () => new Date(clock) });
  });
  afterEach(async () => {
    await h.close();
  });

  it('starts on a phrase, answers with an end_chat button, sends at most one receipt a minute and ends back at the menu', async () => {
    const student = await registeredStudent(h);

    const started = await student.says('Can I talk to a human please?');
    expect(started).toEqual([expect.objectContaining({ kind: 'buttons', ids: ['end_chat'] })]);
    const waiting = await student.conversation();
    expect(waiting).toMatchObject({ support_status: 'waiting', support_requested_at: expect.any(Date), support_receipt_at: null });

    expect(await student.says('My upload failed')).toEqual([expect.objectContaining({ kind: 'text', body: T['support.receipt'] })]);
    const receiptAt = (await student.conversation())?.support_receipt_at;
    expect(receiptAt?.getTime()).toBe(clock);

    clock += 30_000;
    expect(await student.says("I'm done with Q1")).toEqual([]);
    expect(await student.says('menu')).toEqual([]);
    clock += 31_000;
    expect(await student.says('hello?')).toEqual([expect.objectContaining({ body: T['support.receipt'] })]);

    const { messages } = await h.conversationRows(student.phone);
    // Quiet is not lost: every message of the chat is stored for the team.
    expect(
      messages
        .filter((m) => m.direction === 'inbound')
        .map((m) => m.text)
        .slice(-4),
    ).toEqual(['My upload failed', "I'm done with Q1", 'menu', 'hello?']);

    const ended = await student.taps('end_chat', 'End chat');
    expect(ended.map((r) => [r.kind, r.ids])).toEqual([['list', MENU_IDS]]);
    expect(ended[0]?.body).toContain(T['support.ended']);
    expect(await student.conversation()).toMatchObject({ support_status: 'ended', bot_state: { step: 'menu' } });
  });

  it('starts from the menu option with the id support and ends on "end chat" typed', async () => {
    const student = await registeredStudent(h);
    expect((await student.picks('support', 'Chat Support'))[0]?.ids).toEqual(['end_chat']);
    const ended = await student.says('  END CHAT ');
    expect(ended[0]?.ids).toEqual(MENU_IDS);
    expect((await student.conversation())?.support_status).toBe('ended');
  });

  it('resumes registration where an unregistered student was when the chat ends', async () => {
    const student = studentTalking(h);
    await student.says('hi');
    await student.says('Ada Lovelace');
    expect((await student.says('support'))[0]?.ids).toEqual(['end_chat']);
    const ended = await student.taps('end_chat');
    expect(ended).toEqual([
      expect.objectContaining({ kind: 'text', body: `${T['support.ended']}\n\nThanks, Ada Lovelace! What is your email address?` }),
    ]);
    expect(await student.botState()).toEqual({ step: 'registration.email', name: 'Ada Lovelace' });
  });
});
