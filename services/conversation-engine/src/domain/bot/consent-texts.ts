/**
 * The age band question and the guardian's consent (issue 15), merged into DEFAULT_TEXTS: a school rewords
 * them in bot_texts like every other text and these are the fallback. Button titles fit in 20 characters.
 */
export const CONSENT_DEFAULT_TEXTS = {
  'registration.ask_age': 'How old are you? Pick your age group from the list.',
  'registration.age_button': 'Age group',
  'registration.age_invalid': 'Please pick your age group from the list.',
  'age.under_13': 'Under 13',
  'age.13_15': '13 to 15',
  'age.16_17': '16 or 17',
  'age.18_plus': '18 or over',
  'consent.intro':
    "Because of your age, the school needs your parent's or guardian's consent before you send homework here. " +
    'Until then you can still read the FAQ and chat with our team.',
  'consent.ask_name': 'Please pass the phone to your parent or guardian.\n\nParent or guardian: what is your full name?',
  'consent.later': 'Later',
  'consent.ask_relationship': 'Thank you, {guardian}. How are you related to {student}?',
  'consent.parent': 'Parent',
  'consent.guardian': 'Guardian',
  'consent.other': 'Other',
  'consent.relationship_invalid': 'Please choose one of the buttons.',
  'consent.ask_contact': 'What phone number (with country code) or email address can the school reach you on?',
  'consent.contact_invalid': 'Please send a phone number with its country code (like +234 801 234 5678) or an email address.',
  'consent.ask_confirm':
    "{guardian}, do you consent to the school keeping {student}'s details, messages and homework, and helping them on this chat? " +
    'You can withdraw it at any time by telling the school.',
  'consent.yes': 'I consent',
  'consent.no': 'I do not consent',
  'consent.given': 'Thank you! Your consent is recorded. \u2705',
  'consent.declined': 'No consent was recorded. Homework uploads stay off; the FAQ and chat with our team still work.',
  'consent.later_note': 'OK. When your parent or guardian is with you, choose Homework in the menu to give consent.',
  'consent.homework_blocked': "Sending homework needs your parent's or guardian's consent first. Is your parent or guardian with you now?",
  'consent.start': 'Give consent',
  'consent.not_needed': 'No consent is needed.',
} as const;
