import type { CsatEvent } from './csat';
import type { ConsentEvent } from './consent';
import type { StudentProfile } from './types';

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
  | { type: 'homework.submitted'; reference: string; subjectId: string | null; subject: string; text: string | null; media: SubmittedMedia | null }
  /** The student joined the support line at this place (told in the same reply). */
  | { type: 'support.requested'; queuePosition: number; outsideHours?: true }
  | { type: 'support.receipt_sent' }
  | { type: 'support.ended'; by: 'student' | 'agent' | 'system' }
  | ConsentEvent
  | CsatEvent;
