import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS as T } from './default-texts';
import type { BotState } from './state';
import { agentJoinedMessage, endSupportByTeam, queuePositionMessage, SUPPORT_RECEIPT_INTERVAL_MS } from './support';
import { bodyOf, idsOf, inputs as i, newcomer, NOW, parseOutbound, run, seededContent, student } from './testing/fixtures';
import type { ConversationSnapshot } from './types';

const inSupport = (
  conversation: ConversationSnapshot,
  lastReceiptAt: Date | null = null,
  status: 'waiting' | 'active' = 'waiting',
): ConversationSnapshot => ({
  ...conversation,
  support: { status, lastReceiptAt },
});
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000);

describe('starting a support chat', () => {
  it.each([['support'], ['chat support'], ['Can I talk to a human?'], ['is there an AGENT']])('starts for %j at the menu', (typed) => {
    const result = run(student(), i.text(typed));
    expect(result.events).toEqual([{ type: 'support.requested', queuePosition: 1 }]);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ kind: 'buttons', buttons: [{ id: 'end_chat', title: 'End chat' }] });
    expect(result.botState).toEqual({ step: 'menu' });
  });

  it('starts from the menu option with the id support, whatever its title', () => {
    const result = run(student({ step: 'homework.subject' }), i.tap('support', 'Homework'));
    expect(result.events).toEqual([{ type: 'support.requested', queuePosition: 1 }]);
    expect(result.botState).toEqual({ step: 'homework.subject' });
  });

  it('does not start from a substring or from a free-text answer', () => {
    expect(run(student(), i.text('Chatwin')).events).toEqual([]);
    expect(run(newcomer({ step: 'registration.name' }), i.text('Agent Smith')).events).toEqual([]);
    expect(run(student({ step: 'homework.work', subjectId: null, subject: 'General' }), i.text('I asked an agent')).events[0]?.type).toBe(
      'homework.submitted',
    );
  });

  it('starts for a student who is not registered yet, keeping their place', () => {
    const state: BotState = { step: 'registration.email', name: 'Ada Lovelace' };
    const result = run(newcomer(state), i.text('support'));
    expect(result.events).toEqual([{ type: 'support.requested', queuePosition: 1 }]);
    expect(result.botState).toEqual(state);
  });

  it('tells the student their place behind the chats already waiting', () => {
    const result = run(student(), i.text('support'), { supportChatsWaiting: 2 });
    expect(result.events).toEqual([{ type: 'support.requested', queuePosition: 3 }]);
    expect(bodyOf(result.messages[0]!)).toBe(`${T['support.started']}\n\nYou are number 3 in line.`);
  });

  it('adds the expected wait at that place when there is a figure, and none outside office hours', () => {
    const expectedWait = (position: number) => (position === 3 ? 'about 12 minutes' : null);
    const open = run(student(), i.text('support'), { supportChatsWaiting: 2, expectedWait });
    expect(bodyOf(open.messages[0]!)).toBe(`${T['support.started']}\n\nYou are number 3 in line. Expected wait: about 12 minutes.`);
    const noFigure = run(student(), i.text('support'), { supportChatsWaiting: 0, expectedWait });
    expect(bodyOf(noFigure.messages[0]!)).toBe(`${T['support.started']}\n\nYou are number 1 in line.`);
    const closed = run(student(), i.text('support'), {
      supportChatsWaiting: 2,
      expectedWait,
      officeClosed: { backAt: 'Monday 8:00 (WAT)' },
    });
    expect(bodyOf(closed.messages[0]!)).not.toContain('Expected wait');
  });
});

describe('during a support chat', () => {
  it('sends a receipt for the first message, then at most one per minute', () => {
    const first = run(inSupport(student()), i.text('My homework upload failed'));
    expect(first.messages).toEqual([{ kind: 'text', body: T['support.receipt'] }]);
    expect(first.events).toEqual([{ type: 'support.receipt_sent' }]);

    const soon = run(inSupport(student(), secondsAgo(59)), i.text('hello?'));
    expect(soon.messages).toEqual([]);
    expect(soon.events).toEqual([]);

    const later = run(inSupport(student(), new Date(NOW.getTime() - SUPPORT_RECEIPT_INTERVAL_MS)), i.image());
    expect(later.events).toEqual([{ type: 'support.receipt_sent' }]);
  });

  it.each([["I'm done with Q1"], ['menu'], ['support'], ['cancel'], ['end chat please']])(
    'treats %j as a message for the team',
    (typed) => {
      const result = run(inSupport(student(), secondsAgo(5)), i.text(typed));
      expect(result.messages).toEqual([]);
      expect(result.events).toEqual([]);
      expect(result.botState).toEqual({ step: 'menu' });
    },
  );

  it('passes taps, media and unsupported types to the team too', () => {
    for (const input of [i.tap('homework'), i.image(), i.sticker()]) {
      expect(run(inSupport(student(), secondsAgo(5), 'active'), input).messages).toEqual([]);
    }
  });

  it.each([
    ['the end_chat button', i.tap('end_chat', 'whatever')],
    ['"end chat" typed', i.text('  End Chat ')],
  ])('ends on %s and shows a registered student the menu', (_label, input) => {
    const result = run(inSupport(student({ step: 'homework.subject' }), secondsAgo(5)), input);
    expect(result.events).toEqual([{ type: 'support.ended', by: 'student' }]);
    expect(result.botState).toEqual({ step: 'menu' });
    expect(result.messages.map(idsOf)).toEqual([['homework', 'faq', 'profile', 'support', 'help']]);
    expect(bodyOf(result.messages[0]!)).toContain(T['support.ended']);
  });

  it('resumes registration where an unregistered student was, never the welcome again', () => {
    const state: BotState = { step: 'registration.email', name: 'Ada Lovelace' };
    const result = run(inSupport(newcomer(state)), i.tap('end_chat'));
    expect(result.botState).toEqual(state);
    expect(result.events).toEqual([{ type: 'support.ended', by: 'student' }]);
    expect(bodyOf(result.messages[0]!)).toBe(`${T['support.ended']}\n\nThanks, Ada Lovelace! What is your email address?`);
  });

  it('welcomes a student who asked for support before writing anything else', () => {
    const result = run(inSupport(newcomer({ step: 'new' })), i.text('end chat'));
    expect(result.botState).toEqual({ step: 'registration.name' });
    expect(result.messages[0]).toEqual({ kind: 'text', body: T['registration.welcome'] });
  });
});

describe('when an admin ends the chat', () => {
  const context = { now: NOW };
  it('tells a registered student and shows the main menu', () => {
    const result = endSupportByTeam(inSupport(student({ step: 'faq.categories' }), null, 'active'), seededContent(), context);
    expect(result.events).toEqual([{ type: 'support.ended', by: 'agent' }]);
    expect(result.botState).toEqual({ step: 'menu' });
    expect(result.replies.map((r) => idsOf(parseOutbound(r)))).toEqual([['homework', 'faq', 'profile', 'support', 'help']]);
    expect(bodyOf(parseOutbound(result.replies[0]!))).toContain(T['support.ended']);
  });

  it('resumes registration for a student who is not registered', () => {
    const state: BotState = { step: 'registration.email', name: 'Ada Lovelace' };
    const result = endSupportByTeam(inSupport(newcomer(state), null, 'active'), seededContent(), context);
    expect(result.botState).toEqual(state);
    expect(result.replies).toEqual([{ kind: 'text', body: `${T['support.ended']}\n\nThanks, Ada Lovelace! What is your email address?` }]);
  });
});

describe("the team's notices", () => {
  it('names the admin who joined and offers the end_chat button', () => {
    const message = parseOutbound(agentJoinedMessage(seededContent(), 'Mary Admin'));
    expect(message).toEqual({
      kind: 'buttons',
      body: 'Mary Admin from the school team has joined the chat.',
      buttons: [{ id: 'end_chat', title: 'End chat' }],
    });
  });

  it('says the place in line', () => {
    expect(queuePositionMessage(seededContent(), 2)).toEqual({ kind: 'text', body: 'You are number 2 in line.' });
  });
});

describe('end chat outside a support chat', () => {
  it('tells a registered student and shows the menu', () => {
    const result = run(student({ step: 'faq.categories' }, { support: { status: 'ended', lastReceiptAt: null } }), i.tap('end_chat'));
    expect(result.botState).toEqual({ step: 'menu' });
    expect(result.events).toEqual([]);
    expect(bodyOf(result.messages[0]!)).toContain(T['support.not_in_chat']);
  });
});
