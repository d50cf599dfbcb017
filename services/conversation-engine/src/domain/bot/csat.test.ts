import { describe, expect, it } from 'vitest';
import { readCsatReply } from './csat';
import { DEFAULT_TEXTS as T } from './default-texts';
import { endSupportByTeam } from './support';
import { bodyOf, idsOf, inputs as i, NOW, parseOutbound, run, seededContent, student, newcomer } from './testing/fixtures';

const CHAT = '0a6f3c1e-5b7d-4c2a-9e8f-1d2c3b4a5f60';
const inChat = student({ step: 'menu' }, { support: { status: 'active', lastReceiptAt: null } });
const RATING_IDS = [5, 4, 3, 2, 1].map((n) => `csat:${CHAT}:${n}`);

describe('the satisfaction survey', () => {
  it('follows the main menu when a student ends a chat the use case chose to survey', () => {
    const result = run(inChat, i.tap('end_chat'), { csat: { chatId: CHAT } });
    expect(result.botState).toEqual({ step: 'csat.rating', chatId: CHAT });
    expect(result.events).toEqual([
      { type: 'support.ended', by: 'student' },
      { type: 'csat.asked', chatId: CHAT },
    ]);
    expect(result.messages.map((m) => m.kind)).toEqual(['list', 'list']);
    expect(bodyOf(result.messages[0]!)).toContain(T['support.ended']);
    expect(idsOf(result.messages[1]!)).toEqual(RATING_IDS);
    expect(bodyOf(result.messages[1]!)).toBe(T['csat.question']);
  });

  it('is not sent without the use case asking for it, nor to a student who is not registered', () => {
    expect(run(inChat, i.text('end chat')).events).toEqual([{ type: 'support.ended', by: 'student' }]);
    const unregistered = newcomer(
      { step: 'registration.email', name: 'Ada Lovelace' },
      { support: { status: 'waiting', lastReceiptAt: null } },
    );
    const result = run(unregistered, i.text('end chat'), { csat: { chatId: CHAT } });
    expect(result.events.map((e) => e.type)).toEqual(['support.ended']);
    expect(result.botState.step).toBe('registration.email');
  });

  it('follows an admin ending the chat too', () => {
    const decision = endSupportByTeam(inChat, seededContent(), { now: NOW, csat: { chatId: CHAT } });
    expect(decision.events.map((e) => e.type)).toEqual(['support.ended', 'csat.asked']);
    expect(decision.replies.map((r) => idsOf(parseOutbound(r)))[1]).toEqual(RATING_IDS);
  });

  it('takes a rating, offers a comment, then takes the comment and returns to the menu', () => {
    const rated = run(student({ step: 'csat.rating', chatId: CHAT }), i.tap(`csat:${CHAT}:2`, 'Poor'));
    expect(rated.events).toEqual([{ type: 'csat.rated', chatId: CHAT, rating: 2 }]);
    expect(rated.botState).toEqual({ step: 'csat.comment', chatId: CHAT });
    expect(bodyOf(rated.messages[0]!)).toBe(T['csat.comment_prompt']);
    expect(idsOf(rated.messages[0]!)).toEqual(['menu']);

    const commented = run(student(rated.botState), i.text('  The wait was long  '));
    expect(commented.events).toEqual([{ type: 'csat.commented', chatId: CHAT, comment: 'The wait was long' }]);
    expect(commented.botState).toEqual({ step: 'menu' });
    expect(bodyOf(commented.messages[0]!)).toContain(T['csat.thanks']);
  });

  it('is dropped silently when the student goes on with the menu instead', () => {
    const homework = run(student({ step: 'csat.rating', chatId: CHAT }), i.tap('homework'));
    expect(homework.events).toEqual([]);
    expect(homework.botState.step).toBe('homework.subject');
    const skipped = run(student({ step: 'csat.comment', chatId: CHAT }), i.tap('menu'));
    expect(skipped.events).toEqual([]);
    expect(skipped.botState).toEqual({ step: 'menu' });
  });

  it('reads only well-formed rating ids', () => {
    expect(readCsatReply(`csat:${CHAT}:5`)).toEqual({ chatId: CHAT, rating: 5 });
    for (const id of [`csat:${CHAT}:6`, `csat:${CHAT}:0`, `csat:${CHAT}`, 'csat:x:3', `csat:${CHAT}:3:1`])
      expect(readCsatReply(id)).toBeUndefined();
  });
});
