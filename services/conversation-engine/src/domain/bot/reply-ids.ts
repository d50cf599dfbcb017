// Ids of the buttons and list rows the bot sends. A student's tap comes back with the id, and routing is by
// id only (never by title). `support` and `end_chat` are part of the public contract.
export const REPLY = {
  support: 'support',
  endChat: 'end_chat',
  menu: 'menu',
  help: 'help',
  homework: 'homework',
  faq: 'faq',
  profile: 'profile',
  useProfileName: 'use_profile_name',
  homeworkAnother: 'homework_another',
  faqMore: 'faq_more',
  profileName: 'profile_name',
  profileEmail: 'profile_email',
  profileClass: 'profile_class',
  consentStart: 'consent_start',
  consentLater: 'consent_later',
  consentYes: 'consent_yes',
  consentNo: 'consent_no',
} as const;

/** Ids that carry a content id: `subject:maths`, `class:grade-7`, `faq_cat:exams`, `faq_q:exam-dates`. */
export const PREFIX = {
  subject: 'subject:',
  class: 'class:',
  faqCategory: 'faq_cat:',
  faqEntry: 'faq_q:',
  ageBand: 'age:',
  relationship: 'relationship:',
} as const;

export const withPrefix = (prefix: string, id: string) => `${prefix}${id}`;

/** The content id inside a prefixed reply id, or undefined when the id has another prefix. */
export function unprefix(id: string, prefix: string): string | undefined {
  return id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : undefined;
}
