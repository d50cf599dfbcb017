import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS as T } from './default-texts';
import { needsHomeworkReference } from './handle-inbound';
import type { BotState } from './state';
import { ADA, bodyOf, idsOf, inputs as i, newcomer, run, seededContent, student } from './testing/fixtures';
import { handleInbound } from './handle-inbound';

const MENU_IDS = ['homework', 'faq', 'profile', 'support', 'help'];

describe('main menu', () => {
  it.each(['menu', 'Home', ' HI ', 'MENU!'])('comes back for %j from any step of a registered student', (typed) => {
    const states: BotState[] = [
      { step: 'menu' },
      { step: 'homework.work', subjectId: 'maths', subject: 'Mathematics' },
      { step: 'profile.name' },
      { step: 'faq.questions', categoryId: 'exams' },
    ];
    for (const state of states) {
      const result = run(student(state), i.text(typed));
      expect(result.botState).toEqual({ step: 'menu' });
      expect(result.messages.map(idsOf)).toEqual([MENU_IDS]);
    }
  });

  it('is a list whose Chat Support option has the id support', () => {
    const [menu] = run(student(), i.text('menu')).messages;
    expect(menu).toMatchObject({
      kind: 'list',
      sections: [{ rows: expect.arrayContaining([expect.objectContaining({ id: 'support', title: 'Chat Support' })]) }],
    });
  });

  it('cancels a flow with a short note', () => {
    const result = run(student({ step: 'homework.subject' }), i.text('Cancel'));
    expect(result.botState).toEqual({ step: 'menu' });
    expect(bodyOf(result.messages[0]!)).toBe(`${T['menu.cancelled']}\n\n${T['menu.body']}`);
  });

  it('starts each flow from its option, tapped from any step', () => {
    expect(run(student({ step: 'profile.email' }), i.tap('faq')).botState).toEqual({ step: 'faq.categories' });
    expect(run(student({ step: 'faq.answer', categoryId: 'exams' }), i.tap('homework')).botState).toEqual({ step: 'homework.subject' });
    expect(run(student({ step: 'homework.done', reference: 'HW-000001' }), i.tap('profile')).botState).toEqual({ step: 'profile.view' });
  });

  it('answers Help with the help text and the menu', () => {
    const result = run(student(), i.tap('help'));
    expect(result.messages.map((m) => m.kind)).toEqual(['text', 'list']);
    expect(bodyOf(result.messages[0]!)).toBe(T['help.body']);
  });
});

describe('homework', () => {
  it('files typed work under the picked subject with the reserved reference, and offers another or the menu', () => {
    const subject = run(student(), i.tap('homework'));
    expect(idsOf(subject.messages[0]!)).toContain('subject:maths');
    const work = run(student(subject.botState), i.tap('subject:maths'));
    expect(work.botState).toEqual({ step: 'homework.work', subjectId: 'maths', subject: 'Mathematics' });
    const filed = run(student(work.botState), i.text('  x = 42  '), { homeworkReference: 'HW-000123' });
    expect(filed.events).toEqual([
      { type: 'homework.submitted', reference: 'HW-000123', subjectId: 'maths', subject: 'Mathematics', text: 'x = 42', media: null },
    ]);
    expect(filed.botState).toEqual({ step: 'homework.done', reference: 'HW-000123' });
    expect(bodyOf(filed.messages[0]!)).toContain('HW-000123');
    expect(idsOf(filed.messages[0]!)).toEqual(['homework_another', 'menu']);
    expect(run(student(filed.botState), i.tap('homework_another')).botState).toEqual({ step: 'homework.subject' });
  });

  it('files a photo or a document by media id, mime type, sha256 and caption', () => {
    const state: BotState = { step: 'homework.work', subjectId: 'art', subject: 'Art' };
    const photo = run(student(state), i.image('my drawing'));
    expect(photo.events[0]).toMatchObject({
      type: 'homework.submitted',
      text: null,
      media: { type: 'image', id: 'media-123', mimeType: 'image/jpeg', sha256: 'c2hhMjU2', caption: 'my drawing' },
    });
    const doc = run(student(state), i.document());
    expect(doc.events[0]).toMatchObject({ media: { type: 'document', id: 'doc-9', mimeType: 'application/pdf', filename: 'essay.pdf' } });
  });

  it('goes straight to the work when the school lists no subjects', () => {
    const result = run(student(), i.tap('homework'), { content: { ...seededContent(), subjects: [] } });
    expect(result.botState).toEqual({ step: 'homework.work', subjectId: null, subject: 'General' });
  });

  it('needs a reference reserved only when a submission may be filed', () => {
    const work = student({ step: 'homework.work', subjectId: 'maths', subject: 'Mathematics' });
    expect(needsHomeworkReference(work, i.text('x'))).toBe(true);
    expect(needsHomeworkReference(work, i.image())).toBe(true);
    expect(needsHomeworkReference(work, i.tap('menu'))).toBe(false);
    expect(needsHomeworkReference(student(), i.text('x'))).toBe(false);
    expect(needsHomeworkReference({ ...work, support: { status: 'waiting', lastReceiptAt: null } }, i.text('x'))).toBe(false);
    expect(() => handleInbound(work, i.text('x'), seededContent(), { now: new Date() })).toThrow(/reference/);
  });
});

describe('FAQ', () => {
  it('lists the topics, then the questions, then answers with more-FAQ and menu buttons', () => {
    const topics = run(student(), i.tap('faq'));
    expect(topics.messages[0]?.kind).toBe('list');
    expect(idsOf(topics.messages[0]!)).toEqual([
      'faq_cat:school-hours',
      'faq_cat:homework',
      'faq_cat:exams',
      'faq_cat:fees',
      'faq_cat:contact',
    ]);
    const questions = run(student(topics.botState), i.tap('faq_cat:exams'));
    expect(idsOf(questions.messages[0]!)).toEqual(['faq_q:exam-timetable', 'faq_q:exam-missed']);
    const answer = run(student(questions.botState), i.tap('faq_q:exam-missed'));
    expect(answer.messages).toHaveLength(1);
    expect(bodyOf(answer.messages[0]!)).toContain('Tell your class teacher the same day');
    expect(idsOf(answer.messages[0]!)).toEqual(['faq_more', 'menu']);
    expect(run(student(answer.botState), i.tap('faq_more')).botState).toEqual({ step: 'faq.categories' });
  });

  it('routes a topic tap by its id even when its title reads like a command', () => {
    const result = run(student({ step: 'faq.categories' }), i.tap('faq_cat:homework', 'menu'));
    expect(result.botState).toEqual({ step: 'faq.questions', categoryId: 'homework' });
  });

  it('sends an answer too long for a button message as a text, then the buttons', () => {
    const content = seededContent();
    const long = {
      ...content,
      faq: [{ id: 'rules', title: 'Rules', entries: [{ id: 'all', question: 'All the rules?', answer: 'Rule. '.repeat(400) }] }],
    };
    const result = run(student({ step: 'faq.categories' }), i.tap('faq_cat:rules'), { content: long });
    expect(result.messages.map((m) => m.kind)).toEqual(['text', 'buttons']);
  });

  it('tells the student when there are no answers yet and shows the menu', () => {
    const result = run(student(), i.tap('faq'), { content: { ...seededContent(), faq: [] } });
    expect(result.botState).toEqual({ step: 'menu' });
    expect(bodyOf(result.messages[0]!)).toContain(T['faq.empty']);
  });
});

describe('my profile', () => {
  it('shows name, email and class, and saves a changed email', () => {
    const view = run(student(), i.tap('profile'));
    expect(bodyOf(view.messages[0]!)).toContain('Email: ada@example.com');
    expect(idsOf(view.messages[0]!)).toEqual(['profile_name', 'profile_email', 'profile_class', 'menu']);
    const asked = run(student(view.botState), i.tap('profile_email'));
    const invalid = run(student(asked.botState), i.text('ada at home'));
    expect(invalid.events).toEqual([]);
    expect(invalid.botState).toEqual({ step: 'profile.email' });
    const saved = run(student(asked.botState), i.text('ada@king.org'));
    expect(saved.events).toEqual([{ type: 'student.profile_updated', field: 'email', value: 'ada@king.org' }]);
    expect(bodyOf(saved.messages[0]!)).toContain('Email: ada@king.org');
    expect(saved.botState).toEqual({ step: 'profile.view' });
  });

  it('takes a name with an intent word in it as the new name', () => {
    const saved = run(student({ step: 'profile.name' }), i.text('Agent Smith'));
    expect(saved.events).toEqual([{ type: 'student.profile_updated', field: 'name', value: 'Agent Smith' }]);
  });

  it('goes back to the menu', () => {
    expect(run(student({ step: 'profile.view' }), i.tap('menu')).botState).toEqual({ step: 'menu' });
  });
});

describe('unsupported messages', () => {
  it('get one polite line whatever the state, for registered students and newcomers alike', () => {
    for (const conversation of [student({ step: 'faq.categories' }), newcomer({ step: 'registration.email', name: ADA.name })]) {
      const result = run(conversation, i.location());
      expect(result.messages).toEqual([{ kind: 'text', body: T['common.unsupported'] }]);
      expect(result.botState).toEqual(conversation.botState);
      expect(result.events).toEqual([]);
    }
  });
});
