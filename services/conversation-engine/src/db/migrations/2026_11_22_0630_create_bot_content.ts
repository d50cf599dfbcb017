import { sql, type Kysely } from 'kysely';

// The bot's wording and menus, as data a school can change without a deploy: texts by key, FAQ topics and
// their questions, homework subjects and classes. Seeded with defaults; the engine reads them per message.
// The seed is a frozen copy (a migration never imports app code): later wording changes are new migrations
// or admin edits.

const ID_CHECK = (column: string) => sql`${sql.ref(column)} ~ '^[a-z0-9][a-z0-9_-]{0,63}$'`;

/** [key, body]: the bot's texts as first shipped. */
export const SEED_TEXTS: [string, string][] = [
  ['registration.welcome', "Welcome to the school's WhatsApp help desk! Let's get you registered. What is your full name?"],
  ['registration.ask_name', 'What is your full name?'],
  ['registration.use_profile_name', 'Use {name}'],
  [
    'registration.name_invalid',
    "Please send your full name using letters, spaces, apostrophes (') and hyphens (-) only, 2 to 80 characters.",
  ],
  ['registration.ask_email', 'Thanks, {name}! What is your email address?'],
  ['registration.email_invalid', "That doesn't look like a valid email address. Please send it like name@example.com."],
  ['registration.ask_class', 'Which class are you in? Pick it from the list, or type it.'],
  ['registration.class_invalid', 'Please pick your class from the list, or type it in 30 characters or fewer.'],
  ['registration.done', "You're registered! ✅\nName: {name}\nEmail: {email}\nClass: {class}"],
  ['registration.required', "Let's finish your registration first."],
  ['class.button', 'Choose class'],
  ['menu.body', 'What would you like to do?'],
  ['menu.button', 'Menu'],
  ['menu.homework', 'Homework'],
  ['menu.homework_description', 'Submit your homework'],
  ['menu.faq', 'FAQ'],
  ['menu.faq_description', 'Answers to common questions'],
  ['menu.profile', 'My profile'],
  ['menu.profile_description', 'See or change your details'],
  ['menu.support', 'Chat Support'],
  ['menu.support_description', 'Talk to a member of staff'],
  ['menu.help', 'Help'],
  ['menu.help_description', 'How to use this chat'],
  ['menu.not_understood', "Sorry, I didn't catch that."],
  ['menu.cancelled', 'Cancelled.'],
  [
    'help.body',
    'I can take your homework, answer common questions and keep your details up to date.\n\nType *menu* at any time to see the main menu, *cancel* to stop what you are doing, or *support* to chat with a member of staff.',
  ],
  ['homework.ask_subject', 'Which subject is your homework for?'],
  ['homework.subject_button', 'Choose subject'],
  ['homework.subject_invalid', 'Please pick a subject from the list.'],
  ['homework.general_subject', 'General'],
  ['homework.ask_work', 'Send your {subject} homework: type it as a message, or send a photo or a document (you can add a caption).'],
  ['homework.work_invalid', 'I can take your homework as text, a photo or a document.'],
  ['homework.received', 'Got it! Your {subject} homework was submitted.\nReference: *{reference}*'],
  ['homework.next', 'Would you like to submit more homework?'],
  ['homework.another', 'Submit another'],
  ['faq.ask_category', 'Which topic is your question about?'],
  ['faq.category_button', 'Topics'],
  ['faq.ask_question', '{category}: which question?'],
  ['faq.question_button', 'Questions'],
  ['faq.empty', 'There are no answers here yet.'],
  ['faq.next', 'Anything else?'],
  ['faq.more', 'More FAQ'],
  ['profile.view', 'Your profile\nName: {name}\nEmail: {email}\nClass: {class}\n\nWhat would you like to change?'],
  ['profile.button', 'Options'],
  ['profile.edit_name', 'Change name'],
  ['profile.edit_email', 'Change email'],
  ['profile.edit_class', 'Change class'],
  ['profile.back', 'Back to menu'],
  ['profile.ask_name', 'What is your full name?'],
  ['profile.ask_email', 'What is your new email address?'],
  ['profile.ask_class', 'Which class are you in now? Pick it from the list, or type it.'],
  ['profile.saved', 'Saved! ✅'],
  [
    'support.started',
    'You are now in the queue for a member of our team. They will reply here as soon as they can. Tap *End chat* when you are done.',
  ],
  ['support.end_button', 'End chat'],
  ['support.receipt', 'Your message was passed to our team.'],
  ['support.ended', 'Your chat with our team has ended.'],
  ['support.not_in_chat', 'You are not in a chat with our team.'],
  ['common.menu_button', 'Main menu'],
  ['common.more_options', 'More options'],
  ['common.unsupported', "Sorry, I can't read that kind of message. Please send text, or use the buttons."],
  ['common.stale_option', 'That option is no longer available.'],
  ['common.media_not_expected', "I wasn't expecting a file here."],
];

export const SEED_SUBJECTS: [string, string][] = [
  ['maths', 'Mathematics'],
  ['english', 'English'],
  ['science', 'Science'],
  ['history', 'History'],
  ['geography', 'Geography'],
  ['computer-science', 'Computer Science'],
  ['art', 'Art'],
];

export const SEED_CLASSES: [string, string][] = [6, 7, 8, 9, 10, 11, 12].map((n) => [`grade-${n}`, `Grade ${n}`]);

/** [id, title, entries: [id, question, answer]]. */
export const SEED_FAQ: [string, string, [string, string, string][]][] = [
  [
    'school-hours',
    'School hours',
    [
      [
        'school-day',
        'When does the school day start and end?',
        'Lessons run from 8:00 to 15:00, Monday to Friday. The gates open at 7:30.',
      ],
      ['office-hours', 'When is the school office open?', 'The office is open from 7:30 to 16:30 on school days.'],
    ],
  ],
  [
    'homework',
    'Homework',
    [
      [
        'homework-deadline',
        'When is homework due?',
        'Unless your teacher says otherwise, homework is due at the start of the next lesson of that subject.',
      ],
      [
        'homework-late',
        'What if I submit late?',
        'Submit it as soon as you can and tell your teacher why it is late. Late work is still marked.',
      ],
      [
        'homework-reference',
        'What is my reference number for?',
        'It proves we received your work. Keep it, and quote it if you ask about a submission.',
      ],
    ],
  ],
  [
    'exams',
    'Exams',
    [
      [
        'exam-timetable',
        'Where is the exam timetable?',
        'On the school website and on the noticeboard outside the main office, two weeks before exams begin.',
      ],
      [
        'exam-missed',
        'I missed an exam. What now?',
        'Tell your class teacher the same day, and bring a note from a parent, guardian or doctor.',
      ],
    ],
  ],
  [
    'fees',
    'Fees & payments',
    [
      [
        'fees-pay',
        'How do I pay school fees?',
        'By bank transfer to the account on your fee letter, quoting your full name and class, or at the school office.',
      ],
    ],
  ],
  [
    'contact',
    'Contact the school',
    [
      [
        'contact-office',
        'How do I reach the office?',
        'Call the office on school days, or choose *Chat Support* in the menu to message a member of staff here.',
      ],
    ],
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bot_texts')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^[a-z0-9_.]{1,64}$'`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(btrim(body)) between 1 and 4096`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('faq_categories')
    .addColumn('id', 'text', (c) => c.primaryKey().check(ID_CHECK('id')))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(btrim(title)) between 1 and 200`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('faq_entries')
    .addColumn('id', 'text', (c) => c.primaryKey().check(ID_CHECK('id')))
    .addColumn('category_id', 'text', (c) => c.notNull().references('faq_categories.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull().check(sql`char_length(btrim(question)) between 1 and 200`))
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`char_length(btrim(answer)) between 1 and 4000`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  for (const table of ['subjects', 'classes']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey().check(ID_CHECK('id')))
      // A class title is stored as the student's class: the same 1-30 characters as a typed one.
      .addColumn('title', 'text', (c) =>
        c.notNull().check(sql`char_length(btrim(title)) between 1 and ${sql.lit(table === 'classes' ? 30 : 200)}`),
      )
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  }

  await db
    .insertInto('bot_texts')
    .values(SEED_TEXTS.map(([id, body]) => ({ id, body })))
    .execute();
  await db
    .insertInto('subjects')
    .values(SEED_SUBJECTS.map(([id, title], position) => ({ id, title, position })))
    .execute();
  await db
    .insertInto('classes')
    .values(SEED_CLASSES.map(([id, title], position) => ({ id, title, position })))
    .execute();
  await db
    .insertInto('faq_categories')
    .values(SEED_FAQ.map(([id, title], position) => ({ id, title, position })))
    .execute();
  await db
    .insertInto('faq_entries')
    .values(
      SEED_FAQ.flatMap(([categoryId, , entries]) =>
        entries.map(([id, question, answer], position) => ({ id, category_id: categoryId, question, answer, position })),
      ),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['faq_entries', 'faq_categories', 'subjects', 'classes', 'bot_texts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
