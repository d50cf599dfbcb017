// The bot's catalogue as the first migration seeds it (2026_11_22_0630_create_bot_content), copied for the
// pure bot tests (domain/ imports nothing from db/): db/seed-content.test.ts fails if the two drift apart.

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
