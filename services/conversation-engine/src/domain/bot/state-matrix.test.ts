import { describe, expect, it } from 'vitest';
import type { InboundInput } from '../inbound-input';
import { DEFAULT_TEXTS as T } from './default-texts';
import type { BotEvent } from './events';
import { ALL_STEPS, type BotState, type Step } from './state';
import { bodyOf, inputs as i, newcomer, run, student } from './testing/fixtures';

// Every state x every kind of input: a text that answers the step, another text, a tap on an id the step
// knows, a tap on a stale id, a photo, and a message type the bot cannot read.

const CHAT = '0a6f3c1e-5b7d-4c2a-9e8f-1d2c3b4a5f60';
const OTHER_CHAT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

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
  'csat.rating': { step: 'csat.rating', chatId: CHAT },
  'csat.comment': { step: 'csat.comment', chatId: CHAT },
  'registration.age': { step: 'registration.age', name: 'Ada Lovelace', email: 'ada@example.com', className: 'Grade 9' },
  'consent.name': { step: 'consent.name' },
  'consent.relationship': { step: 'consent.relationship', guardian: 'Grace Hopper' },
  'consent.contact': { step: 'consent.contact', guardian: 'Grace Hopper', relationship: 'parent' },
  'consent.confirm': { step: 'consent.confirm', guardian: 'Grace Hopper', relationship: 'parent', contact: '+234 801 234 5678' },
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
const support = (step: Step): Expected => ({
  step,
  kinds: ['buttons'],
  note: T['support.started'].slice(0, 20),
  events: ['support.requested'],
});
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
    [
      'a typed class',
      i.text('Form 4B'),
      { step: 'menu', kinds: ['text', 'list'], note: "You're registered!", events: ['student.registered'] },
    ],
    ['a class too long', i.text(long), { step: 'registration.class', kinds: ['list'], note: T['registration.class_invalid'] }],
    [
      'a known id',
      i.tap('class:grade-9'),
      { step: 'menu', kinds: ['text', 'list'], note: "You're registered!", events: ['student.registered'] },
    ],
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
    [
      'a text with a support phrase',
      i.text('Essay: talk to a human first'),
      { step: 'homework.done', kinds: ['buttons'], note: 'Got it!', events: ['homework.submitted'] },
    ],
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
    [
      'a valid name',
      i.text('Ada King'),
      { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] },
    ],
    ['an invalid name', i.text('Ada 2'), { step: 'profile.name', kinds: ['text'], note: T['registration.name_invalid'] }],
    ['a known id', i.tap('menu'), { step: 'menu', kinds: ['list'], note: T['menu.body'] }],
    ['a stale id', STALE, { step: 'profile.name', kinds: ['text'], note: staleNote }],
    ['a photo', i.image(), { step: 'profile.name', kinds: ['text'], note: mediaNote }],
    unsupported('profile.name'),
  ],
  'profile.email': [
    [
      'a valid email',
      i.text('ada@king.org'),
      { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] },
    ],
    ['an invalid email', i.text('nope'), { step: 'profile.email', kinds: ['text'], note: T['registration.email_invalid'] }],
    ['a known id', i.tap('help'), { step: 'profile.email', kinds: ['text', 'text'], note: T['help.body'].slice(0, 40) }],
    ['a stale id', STALE, { step: 'profile.email', kinds: ['text'], note: staleNote }],
    ['a photo', i.image(), { step: 'profile.email', kinds: ['text'], note: mediaNote }],
    unsupported('profile.email'),
  ],
  'profile.class': [
    [
      'a typed class',
      i.text('Grade 10'),
      { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] },
    ],
    ['a class too long', i.text(long), { step: 'profile.class', kinds: ['list'], note: T['registration.class_invalid'] }],
    [
      'a known id',
      i.tap('class:grade-11'),
      { step: 'profile.view', kinds: ['list'], note: T['profile.saved'], events: ['student.profile_updated'] },
    ],
    ['a stale id', STALE, { step: 'profile.class', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'profile.class', kinds: ['list'], note: mediaNote }],
    unsupported('profile.class'),
  ],
  'csat.rating': [
    [
      'a rating',
      i.tap(`csat:${CHAT}:4`),
      { step: 'csat.comment', kinds: ['buttons'], note: T['csat.comment_prompt'], events: ['csat.rated'] },
    ],
    ['a text', i.text('thanks'), { step: 'menu', kinds: ['list'], note: T['menu.not_understood'] }],
    ['a known id', i.tap('homework'), { step: 'homework.subject', kinds: ['list'], note: T['homework.ask_subject'] }],
    ['a rating of another chat', i.tap(`csat:${OTHER_CHAT}:5`), { step: 'menu', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'menu', kinds: ['list'], note: T['menu.not_understood'] }],
    unsupported('csat.rating'),
  ],
  'csat.comment': [
    ['a comment', i.text('Very helpful, thank you'), { step: 'menu', kinds: ['list'], note: T['csat.thanks'], events: ['csat.commented'] }],
    [
      'a comment naming support',
      i.text('talk to a human was great'),
      { step: 'menu', kinds: ['list'], note: T['csat.thanks'], events: ['csat.commented'] },
    ],
    ['menu', i.text('Menu'), { step: 'menu', kinds: ['list'], note: T['menu.body'] }],
    ['a known id', i.tap('faq'), { step: 'faq.categories', kinds: ['list'], note: T['faq.ask_category'] }],
    ['a stale id', STALE, { step: 'menu', kinds: ['list'], note: staleNote }],
    ['a photo', i.image(), { step: 'menu', kinds: ['list'], note: T['menu.not_understood'] }],
    unsupported('csat.comment'),
  ],
  'registration.age': [
    [
      'a known id',
      i.tap('age:13_15'),
      { step: 'menu', kinds: ['text', 'list'], note: "You're registered!", events: ['student.registered', 'student.age_band_given'] },
    ],
    ['a typed age', i.text('fourteen'), { step: 'registration.age', kinds: ['list'], note: T['registration.age_invalid'] }],
    ['a stale id', i.tap('age:99_plus'), { step: 'registration.age', kinds: ['list'], note: T['registration.age_invalid'] }],
    ['a photo', i.image(), { step: 'registration.age', kinds: ['list'], note: mediaNote }],
    unsupported('registration.age'),
  ],
  'consent.name': [
    ['a valid name', i.text('Grace Hopper'), { step: 'consent.relationship', kinds: ['buttons'], note: 'Thank you, Grace Hopper.' }],
    ['an invalid name', i.text('R2-D2'), { step: 'consent.name', kinds: ['buttons'], note: T['registration.name_invalid'] }],
    ['a known id', i.tap('consent_later'), { step: 'menu', kinds: ['list'], note: T['consent.later_note'] }],
    ['a stale id', STALE, { step: 'consent.name', kinds: ['buttons'], note: staleNote }],
    ['a photo', i.image(), { step: 'consent.name', kinds: ['buttons'], note: mediaNote }],
    unsupported('consent.name'),
  ],
  'consent.relationship': [
    ['a known id', i.tap('relationship:parent'), { step: 'consent.contact', kinds: ['text'], note: T['consent.ask_contact'] }],
    ['a text', i.text('mum'), { step: 'consent.relationship', kinds: ['buttons'], note: T['consent.relationship_invalid'] }],
    ['a stale id', STALE, { step: 'consent.relationship', kinds: ['buttons'], note: T['consent.relationship_invalid'] }],
    ['a photo', i.image(), { step: 'consent.relationship', kinds: ['buttons'], note: mediaNote }],
    unsupported('consent.relationship'),
  ],
  'consent.contact': [
    ['a phone', i.text('+234 801 234 5678'), { step: 'consent.confirm', kinds: ['buttons'], note: 'Grace Hopper, do you consent' }],
    ['an email', i.text('grace@example.com'), { step: 'consent.confirm', kinds: ['buttons'], note: 'Grace Hopper, do you consent' }],
    ['an invalid contact', i.text('call me'), { step: 'consent.contact', kinds: ['text'], note: T['consent.contact_invalid'] }],
    ['a stale id', STALE, { step: 'consent.contact', kinds: ['text'], note: T['consent.contact_invalid'] }],
    ['a photo', i.image(), { step: 'consent.contact', kinds: ['text'], note: mediaNote }],
    unsupported('consent.contact'),
  ],
  'consent.confirm': [
    ['a known id', i.tap('consent_yes'), { step: 'menu', kinds: ['list'], note: T['consent.given'], events: ['consent.given'] }],
    ['a refusal', i.tap('consent_no'), { step: 'menu', kinds: ['list'], note: T['consent.declined'] }],
    ['a text', i.text('yes'), { step: 'consent.confirm', kinds: ['buttons'], note: T['consent.relationship_invalid'] }],
    ['a photo', i.image(), { step: 'consent.confirm', kinds: ['buttons'], note: mediaNote }],
    unsupported('consent.confirm'),
  ],
};

const conversationAt = (state: BotState) =>
  state.step === 'new' || state.step.startsWith('registration.') ? newcomer(state) : student(state);

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
