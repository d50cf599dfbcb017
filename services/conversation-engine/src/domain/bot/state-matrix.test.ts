import { describe, expect, it } from 'vitest';
import type { InboundInput } from '../inbound-input';
import { DEFAULT_TEXTS as T } from './default-texts';
import type { BotEvent } from './events';
import { ALL_STEPS, type BotState, type Step } from './state';
import { bodyOf, inputs as i, newcomer, run, student } from './testing/fixtures';

// Every state x every kind of input: a text that answers the step, another text, a tap on an id the step
// knows, a tap on a stale id, a photo, and a message type the bot cannot read.

const STATES: Record<Step, BotState> = {
  new: { step: 'new' },
  'registration.name': { step: 'registration.name' },
  'registration.email': { step: 'registration.email', name: 'Ada Lovelace' },
  'registration.class': { step: 'registration.class', name: 'Ada Lovelace', email: 'ada@example.com' },
  menu: { step: 'menu' },
  'homework.subject': { step: 'homework.subject' },
  'homework.work': { step: 'homework.work', subjectId: 'maths', subject: 'Mathematics' },
  'homework.done': { step: 'homework.done', reference: 'HW-000041' },
  'faq.categories': { step: 'faq.categories' },
  'faq.questions': { step: 'faq.questions', categoryId: 'homework' },
  'faq.answer': { step: 'faq.answer', categoryId: 'homework' },
  'profile.view': { step: 'profile.view' },
  'profile.name': { step: 'profile.name' },
  'profile.email': { step: 'profile.email' },
  'profile.class': { step: 'profile.class' },
};

interface Expected {
  step: Step;
  kinds: string[];
  /** Text the first reply starts with (a note such as "That option is no longer available."). */
  note?: string;
  events?: BotEvent['type'][];
}

type Row = [label: string, input: InboundInput, expected: Expected];

const STALE = i.tap('subject:retired-subject');
const staleNote = T['common.stale_option'];
const mediaNote = T['common.media_not_expected'];
const unsupported = (step: Step): Row => ['an unsupported type', i.sticker(), { step, kinds: ['text'], note: T['common.unsupported'] }];
const support = (step: Step): Expected => ({ step, kinds: ['buttons'], note: T['support.started'].slice(0, 20), events: ['support.requested'] });
const long = 'x'.repeat(31);

const MATRIX: Record<Step, Row[]> = {
  new: [
    ['an answer', i.text('Hello'), { step: 'registration.name', kinds: ['text'], note: T['registration.welcome'] }],
    ['a support phrase', i.text('I need support'), support('new')],
    ['a known id', i.tap('support'), support('new')],
    ['a stale id', STALE, { step: 'registration.name', kinds: ['text'], note: T['registration.welcome'] }],
    ['a photo', i.image(), { step: 'registration.name', kinds: ['text'], note: T['registration.welcome'] }],
    unsupported('new'),
  ],
  'registration.name': [
    ['a valid name', i.text('Agent Smith'), { step: 'registration.email', kinds: ['text'], note: 'Thanks, Agent Smith!' }],
    ['an invalid name', i.text('R2-D2'), { step: 'registration.name', kinds: ['buttons'], note: T['registration.name_invalid'] }],
    ['a known id', i.tap('use_profile_name'), { step: 'registration.email', kinds: ['text'], note: 'Thanks, Grace Hopper!' }],
    ['a stale id', STALE, { step: 'registration.name', kinds: ['buttons'], note: staleNote }],
    ['a photo', i.image(), { step: 'registration.name', kinds: ['buttons'], note: mediaNote }],
    unsupported('registration.name'),
  ],
  'registration.email': [
    ['a valid email', i.text('ada@example.com'), { step: 'registration.class', kinds: ['list'], note: T['registration.ask_class'] }],
    ['an invalid email', i.text('ada@example'), { step: 'registration.email', kinds: ['text'], note: T['registration.email_invalid'] }],
    ['a known id', i.tap('support'), support('registration.email')],
    ['a stale id', STALE, { step: 'registration.email', kinds: ['text'], note: staleNote }],
    ['a photo', i.image(), { step: 'registration.email', kinds: ['text'], note: mediaNote }],
    unsupported('registration.email'),
  ],
  'registration.class': [
    ['a typed class', i.text('Form 4B'), { step: 'menu', kinds: ['text', 'list'], note: "You're registered!", events: ['student.registered'] }],
    ['a class too long', i.text(long), { step: 'registration.class', kinds: ['list'], note: T['registration.class_invalid'] }],
    ['a known id', i.tap('class:grade-9'), { step: 'menu', kinds: ['text', 'list'], note: "You're registered!", events: ['student.registered'] }],
    ['a stale id', i.tap('class:grade-99'), { step: 'registration.class', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'registration.class', kinds: ['list'], note: mediaNote }],
    unsupported('registration.class'),
  ],
  menu: [
    ['a text', i.text('what?'), { step: 'menu', kinds: ['list'], note: T['menu.not_understood'] }],
    ['a support phrase', i.text('I need an agent'), support('menu')],
    ['a known id', i.tap('homework'), { step: 'homework.subject', kinds: ['list'], note: T['homework.ask_subject'] }],
    ['a stale id', STALE, { step: 'menu', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'menu', kinds: ['list'], note: T['menu.not_understood'] }],
    unsupported('menu'),
  ],
  'homework.subject': [
    ['a typed subject', i.text('mathematics'), { step: 'homework.work', kinds: ['text'], note: 'Send your Mathematics homework' }],
    ['an unknown subject', i.text('Latin'), { step: 'homework.subject', kinds: ['list'], note: T['homework.subject_invalid'] }],
    ['a known id', i.tap('subject:science'), { step: 'homework.work', kinds: ['text'], note: 'Send your Science homework' }],
    ['a stale id', STALE, { step: 'homework.subject', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'homework.subject', kinds: ['list'], note: mediaNote }],
    unsupported('homework.subject'),
  ],
  'homework.work': [
    ['a text', i.text('My essay'), { step: 'homework.done', kinds: ['buttons'], note: 'Got it!', events: ['homework.submitted'] }],
    ['a text with a support phrase', i.text('Essay: talk to a human first'), { step: 'homework.done', kinds: ['buttons'], note: 'Got it!', events: ['homework.submitted'] }],
    ['a known id', i.tap('menu'), { step: 'menu', kinds: ['list'], note: T['menu.body'] }],
    ['a stale id', STALE, { step: 'homework.work', kinds: ['text'], note: staleNote }],
    ['a photo', i.image('page 1'), { step: 'homework.done', kinds: ['buttons'], note: 'Got it!', events: ['homework.submitted'] }],
    ['a voice note', i.audio(), { step: 'homework.work', kinds: ['text'], note: T['homework.work_invalid'] }],
    unsupported('homework.work'),
  ],
  'homework.done': [
    ['a text', i.text('thanks'), { step: 'homework.done', kinds: ['buttons'], note: T['menu.not_understood'] }],
    ['cancel', i.text('cancel'), { step: 'menu', kinds: ['list'], note: T['menu.cancelled'] }],
    ['a known id', i.tap('homework_another'), { step: 'homework.subject', kinds: ['list'] }],
    ['a stale id', STALE, { step: 'homework.done', kinds: ['buttons'], note: staleNote }],
    ['a photo', i.image(), { step: 'homework.done', kinds: ['buttons'], note: mediaNote }],
    unsupported('homework.done'),
  ],
  'faq.categories': [
    ['a typed topic', i.text('exams'), { step: 'faq.questions', kinds: ['list'], note: 'Exams: which question?' }],
    ['an unknown topic', i.text('blah'), { step: 'faq.categories', kinds: ['list'], note: T['menu.not_understood'] }],
    ['a known id', i.tap('faq_cat:fees'), { step: 'faq.answer', kinds: ['buttons'], note: '*How do I pay school fees?*' }],
    ['a stale id', i.tap('faq_cat:removed'), { step: 'faq.categories', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'faq.categories', kinds: ['list'], note: mediaNote }],
    unsupported('faq.categories'),
  ],
  'faq.questions': [
    ['a text', i.text('When is homework due?'), { step: 'faq.questions', kinds: ['list'], note: T['menu.not_understood'] }],
    ['support', i.text('support'), support('faq.questions')],
    ['a known id', i.tap('faq_q:homework-late'), { step: 'faq.answer', kinds: ['buttons'], note: '*What if I submit late?*' }],
    ['a stale id', i.tap('faq_q:removed'), { step: 'faq.questions', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'faq.questions', kinds: ['list'], note: mediaNote }],
    unsupported('faq.questions'),
  ],
  'faq.answer': [
    ['a text', i.text('ok'), { step: 'faq.answer', kinds: ['buttons'], note: T['menu.not_understood'] }],
    ['menu', i.text('Menu'), { step: 'menu', kinds: ['list'], note: T['menu.body'] }],
    ['a known id', i.tap('faq_more'), { step: 'faq.categories', kinds: ['list'], note: T['faq.ask_category'] }],
    ['a stale id', STALE, { step: 'faq.answer', kinds: ['buttons'], note: staleNote }],
    ['a photo', i.image(), { step: 'faq.answer', kinds: ['buttons'], note: mediaNote }],
    unsupported('faq.answer'),
  ],
  'profile.view': [
    ['a text', i.text('hmm'), { step: 'profile.view', kinds: ['list'], note: T['menu.not_understood'] }],
    ['help', i.text('help'), { step: 'profile.view', kinds: ['text', 'list'], note: T['help.body'].slice(0, 40) }],
    ['a known id', i.tap('profile_email'), { step: 'profile.email', kinds: ['text'], note: T['profile.ask_email'] }],
    ['a stale id', STALE, { step: 'profile.view', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'profile.view', kinds: ['list'], note: mediaNote }],
    unsupported('profile.view'),
  ],
  'profile.name': [
    ['a valid name', i.text('Ada King'), { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] }],
    ['an invalid name', i.text('Ada 2'), { step: 'profile.name', kinds: ['text'], note: T['registration.name_invalid'] }],
    ['a known id', i.tap('menu'), { step: 'menu', kinds: ['list'], note: T['menu.body'] }],
    ['a stale id', STALE, { step: 'profile.name', kinds: ['text'], note: staleNote }],
    ['a photo', i.image(), { step: 'profile.name', kinds: ['text'], note: mediaNote }],
    unsupported('profile.name'),
  ],
  'profile.email': [
    ['a valid email', i.text('ada@king.org'), { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] }],
    ['an invalid email', i.text('nope'), { step: 'profile.email', kinds: ['text'], note: T['registration.email_invalid'] }],
    ['a known id', i.tap('help'), { step: 'profile.email', kinds: ['text', 'text'], note: T['help.body'].slice(0, 40) }],
    ['a stale id', STALE, { step: 'profile.email', kinds: ['text'], note: staleNote }],
    ['a photo', i.image(), { step: 'profile.email', kinds: ['text'], note: mediaNote }],
    unsupported('profile.email'),
  ],
  'profile.class': [
    ['a typed class', i.text('Grade 10'), { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] }],
    ['a class too long', i.text(long), { step: 'profile.class', kinds: ['list'], note: T['registration.class_invalid'] }],
    ['a known id', i.tap('class:grade-11'), { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] }],
    ['a stale id', STALE, { step: 'profile.class', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'profile.class', kinds: ['list'], note: mediaNote }],
    unsupported('profile.class'),
  ],
};

const conversationAt = (state: BotState) => (state.step === 'new' || state.step.startsWith('registration.') ? newcomer(state) : student(state));

describe('the bot, state by state', () => {
  it('covers every state', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ALL_STEPS].sort());
  });

  for (const step of ALL_STEPS) {
    describe(step, () => {
      it.each(MATRIX[step])('given %s', (_label, input, expected) => {
        const result = run(conversationAt(STATES[step]), input);
        expect(result.botState.step).toBe(expected.step);
        expect(result.messages.map((m) => m.kind)).toEqual(expected.kinds);
        if (expected.note) expect(bodyOf(result.messages[0]!)).toContain(expected.note);
        expect(result.events.map((e) => e.type)).toEqual(expected.events ?? []);
      });
    });
  }

  it('leaves the state exactly as it was for an unsupported message type', () => {
    for (const step of ALL_STEPS) {
      const result = run(conversationAt(STATES[step]), i.location());
      expect(result.botState).toEqual(STATES[step]);
    }
  });
});
