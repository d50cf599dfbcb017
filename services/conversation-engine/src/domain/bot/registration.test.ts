import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS as T } from './default-texts';
import { parseBotState } from './state';
import { ADA, bodyOf, idsOf, inputs as i, newcomer, run, seededContent, student } from './testing/fixtures';

describe('registration', () => {
  it('welcomes an unknown number with one text asking for the full name', () => {
    const result = run(newcomer(), i.text('Hello school'));
    expect(result.messages).toEqual([{ kind: 'text', body: T['registration.welcome'] }]);
    expect(result.botState).toEqual({ step: 'registration.name' });
  });

  it('walks name, email (re-asked until valid) and a picked class, then confirms and shows the menu', () => {
    let conversation = newcomer({ step: 'registration.name' });
    const name = run(conversation, i.text('  Siobhán   O’Brien '));
    expect(name.botState).toEqual({ step: 'registration.email', name: "Siobhán O'Brien" });

    conversation = newcomer(name.botState);
    const bad = run(conversation, i.text('siobhan at example dot com'));
    expect(bad.botState).toEqual(name.botState);
    expect(bodyOf(bad.messages[0]!)).toContain(T['registration.email_invalid']);
    const good = run(conversation, i.text('Siobhan@Example.com'));
    expect(good.botState).toEqual({ step: 'registration.class', name: "Siobhán O'Brien", email: 'Siobhan@example.com' });
    expect(idsOf(good.messages[0]!)).toEqual([
      'class:grade-6',
      'class:grade-7',
      'class:grade-8',
      'class:grade-9',
      'class:grade-10',
      'class:grade-11',
      'class:grade-12',
    ]);

    const done = run(newcomer(good.botState), i.tap('class:grade-8', 'a title that is ignored'));
    expect(done.events).toEqual([
      { type: 'student.registered', profile: { name: "Siobhán O'Brien", email: 'Siobhan@example.com', className: 'Grade 8' } },
    ]);
    expect(done.botState).toEqual({ step: 'menu' });
    expect(bodyOf(done.messages[0]!)).toBe("You're registered! \u2705\nName: Siobhán O'Brien\nEmail: Siobhan@example.com\nClass: Grade 8");
    expect(idsOf(done.messages[1]!)).toEqual(['homework', 'faq', 'profile', 'support', 'help']);
  });

  it('takes any typed class of 1-30 characters as it is', () => {
    const done = run(
      newcomer({ step: 'registration.class', name: 'Ada Lovelace', email: 'ada@example.com' }),
      i.text('Year 10 – Blue House'),
    );
    expect(done.events).toEqual([{ type: 'student.registered', profile: { ...ADA, className: 'Year 10 – Blue House' } }]);
  });

  it('takes "Chatwin" and "Agent Smith" typed as a name as names', () => {
    for (const typed of ['Chatwin', 'Agent Smith']) {
      const result = run(newcomer({ step: 'registration.name' }), i.text(typed));
      expect(result.botState).toEqual({ step: 'registration.email', name: typed });
      expect(result.events).toEqual([]);
    }
  });

  it('offers the WhatsApp profile name as a button when it is a valid name that fits the title', () => {
    const asked = run(newcomer({ step: 'registration.name' }, { profileName: 'Grace Hopper' }), i.text('R2-D2'));
    expect(asked.messages[0]).toMatchObject({ kind: 'buttons', buttons: [{ id: 'use_profile_name', title: 'Use Grace Hopper' }] });
    const used = run(newcomer({ step: 'registration.name' }, { profileName: 'Grace Hopper' }), i.tap('use_profile_name'));
    expect(used.botState).toEqual({ step: 'registration.email', name: 'Grace Hopper' });
  });

  it.each([['Bartholomew Fitzgerald'], ['🎓 Gracie'], [null]])('asks in plain text when the profile name is %j', (profileName) => {
    const asked = run(newcomer({ step: 'registration.name' }, { profileName }), i.text('R2-D2'));
    expect(asked.messages[0]?.kind).toBe('text');
    const tapped = run(newcomer({ step: 'registration.name' }, { profileName }), i.tap('use_profile_name'));
    expect(tapped.botState).toEqual({ step: 'registration.name' });
  });

  it.each(['menu', 'HOME', 'hi', 'cancel'])('answers %j during registration with the current question, not a menu', (typed) => {
    const state = { step: 'registration.email' as const, name: 'Ada Lovelace' };
    const result = run(newcomer(state), i.text(typed));
    expect(result.botState).toEqual(state);
    expect(bodyOf(result.messages[0]!)).toContain(T['registration.required']);
    expect(result.messages.some((m) => idsOf(m).includes('support'))).toBe(false);
  });

  it('answers help with the help text and the current question again', () => {
    const state = { step: 'registration.email' as const, name: 'Ada Lovelace' };
    const result = run(newcomer(state), i.text('Help'));
    expect(result.botState).toEqual(state);
    expect(result.messages.map(bodyOf)).toEqual([T['help.body'], 'Thanks, Ada Lovelace! What is your email address?']);
  });

  it('pages a class list longer than ten rows and keeps the question', () => {
    const classes = Array.from({ length: 12 }, (_, n) => ({ id: `c${n + 1}`, title: `Class ${n + 1}` }));
    const content = { ...seededContent(), classes };
    const state = { step: 'registration.class' as const, name: 'Ada Lovelace', email: 'ada@example.com' };
    const first = run(newcomer({ step: 'registration.email', name: 'Ada Lovelace' }), i.text('ada@example.com'), { content });
    expect(idsOf(first.messages[0]!)).toEqual([...classes.slice(0, 9).map((c) => `class:${c.id}`), 'more:9']);
    const second = run(newcomer(state), i.tap('more:9'), { content });
    expect(second.botState).toEqual(state);
    expect(idsOf(second.messages[0]!)).toEqual(['class:c10', 'class:c11', 'class:c12', 'more:0']);
    const picked = run(newcomer(state), i.tap('class:c11'), { content });
    expect(picked.events).toEqual([{ type: 'student.registered', profile: { ...ADA, className: 'Class 11' } }]);
  });
});

describe('a registered student', () => {
  it('never sees registration again, even when the stored state is lost or unreadable', () => {
    const lost = student(parseBotState({ step: 'registration.name', extra: 'garbage', v: 9 }));
    expect(run(lost, i.text('hi')).messages.map((m) => idsOf(m))).toEqual([['homework', 'faq', 'profile', 'support', 'help']]);
    const unreadable = student(parseBotState({ step: 'removed.step' }));
    const result = run(unreadable, i.text('Ada Lovelace'));
    expect(result.botState).toEqual({ step: 'menu' });
    expect(result.events).toEqual([]);
  });

  it('restarts an unregistered student with an unreadable state at the welcome', () => {
    const result = run(newcomer(parseBotState('not even an object')), i.text('ada@example.com'));
    expect(result.botState).toEqual({ step: 'registration.name' });
    expect(result.messages[0]).toEqual({ kind: 'text', body: T['registration.welcome'] });
  });
});
