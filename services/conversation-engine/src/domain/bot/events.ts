import type { AgeBand, GUARDIAN_RELATIONSHIPS } from '@app/contracts';
import type { StudentProfile } from './student-profile';

// Every event type lives here, not beside the step that emits it (csat.ts, consent.ts): those steps import
// types.ts, which imports BotEvent, and an import back from here would close a cycle.

export type CsatRating = 5 | 4 | 3 | 2 | 1;

/** What happened to a survey, persisted on the chat (support_chat_csat). */
export type CsatEvent =
  | { type: 'csat.asked'; chatId: string }
  | { type: 'csat.rated'; chatId: string; rating: CsatRating }
  | { type: 'csat.commented'; chatId: string; comment: string };

type Relationship = (typeof GUARDIAN_RELATIONSHIPS)[number];
export type ConsentEvent =
  | { type: 'student.age_band_given'; ageBand: AgeBand }
  | { type: 'consent.given'; guardianName: string; relationship: Relationship; contact: string };

export interface SubmittedMedia {
  type: 'image' | 'document';
  id: string;
  mimeType?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
}

/** What happened in one turn, beyond the bot's position: the use case persists each (and, later, publishes). */
export type BotEvent =
  | { type: 'student.registered'; profile: StudentProfile }
  | { type: 'student.profile_updated'; field: keyof StudentProfile; value: string }
  | {
      type: 'homework.submitted';
      reference: string;
      subjectId: string | null;
      subject: string;
      text: string | null;
      media: SubmittedMedia | null;
    }
  /** The student joined the support line at this place (told in the same reply). */
  | { type: 'support.requested'; queuePosition: number; outsideHours?: true }
  | { type: 'support.receipt_sent' }
  | { type: 'support.ended'; by: 'student' | 'agent' | 'system' }
  | ConsentEvent
  | CsatEvent;
