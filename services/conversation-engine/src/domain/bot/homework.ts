import type { OutboundMessageInput } from '@app/contracts';
import { consentPending } from '../consent';
import type { InboundInput } from '../inbound-input';
import { homeworkNeedsConsent } from './consent';
import { say } from './content';
import type { SubmittedMedia } from './events';
import { normalizeForMatching } from './intents';
import { buttonsMessage, choiceMessage, moreOffset, paragraphs, textMessage } from './render';
import { PREFIX, REPLY, unprefix, withPrefix } from './reply-ids';
import type { StateOf } from './state';
import { decision, type BotDecision, type Turn } from './types';

type HomeworkState = StateOf<'homework.subject' | 'homework.work' | 'homework.done'>;

/** Human-friendly and unique: HW-000123 from a database sequence. */
export const homeworkReference = (n: number) => `HW-${String(n).padStart(6, '0')}`;

/**
 * Whether this turn may file a submission, so the caller reserves a reference number first (the bot is pure
 * and cannot draw from the sequence itself). A reserved number that ends up unused is a gap, as with any
 * sequence.
 */
export const mayFileHomework = (state: { step: string }, input: InboundInput) =>
  state.step === 'homework.work' && (input.kind === 'text' || input.kind === 'media');

function subjectQuestion(turn: Turn, note?: string, offset = 0): OutboundMessageInput {
  const { content } = turn;
  return choiceMessage({
    body: paragraphs(note, say(content, 'homework.ask_subject')),
    button: say(content, 'homework.subject_button'),
    moreLabel: say(content, 'common.more_options'),
    offset,
    options: content.subjects.map((s) => ({ id: withPrefix(PREFIX.subject, s.id), title: s.title })),
  });
}

function nextQuestion(turn: Turn, body: string): OutboundMessageInput {
  return buttonsMessage(body, [
    { id: REPLY.homeworkAnother, title: say(turn.content, 'homework.another') },
    { id: REPLY.menu, title: say(turn.content, 'common.menu_button') },
  ]);
}

/** The current homework question again, after `note`. */
export function homeworkReprompt(turn: Turn, state: HomeworkState, note?: string): BotDecision {
  const { content } = turn;
  switch (state.step) {
    case 'homework.subject':
      // The school removed every subject meanwhile: nothing to pick, go straight to the work.
      if (content.subjects.length === 0) return startHomework(turn);
      return decision(state, [subjectQuestion(turn, note)]);
    case 'homework.work':
      return decision(state, [textMessage(paragraphs(note, say(content, 'homework.ask_work', { subject: state.subject })))]);
    case 'homework.done':
      return decision(state, [nextQuestion(turn, paragraphs(note, say(content, 'homework.next')))]);
  }
}

const reask = homeworkReprompt;

function askWork(turn: Turn, subjectId: string | null, subject: string): BotDecision {
  return homeworkReprompt(turn, { step: 'homework.work', subjectId, subject });
}

/** Starts a submission: the subject first, unless the school lists none. */
export function startHomework(turn: Turn): BotDecision {
  if (consentPending(turn.context.consent)) return homeworkNeedsConsent(turn);
  if (turn.content.subjects.length === 0) return askWork(turn, null, say(turn.content, 'homework.general_subject'));
  return decision({ step: 'homework.subject' }, [subjectQuestion(turn)]);
}

function submit(turn: Turn, state: StateOf<'homework.work'>, text: string | null, media: SubmittedMedia | null): BotDecision {
  // The school may have started requiring consent while this student was half-way through a submission.
  if (consentPending(turn.context.consent)) return homeworkNeedsConsent(turn);
  const reference = turn.context.homeworkReference;
  if (!reference) throw new Error('a homework reference must be reserved before a submission (see mayFileHomework)');
  const received = say(turn.content, 'homework.received', { subject: state.subject, reference });
  return decision(
    { step: 'homework.done', reference },
    [nextQuestion(turn, received)],
    [{ type: 'homework.submitted', reference, subjectId: state.subjectId, subject: state.subject, text, media }],
  );
}

export function handleHomeworkStep(turn: Turn, state: HomeworkState): BotDecision {
  const { content, input } = turn;
  const stale = say(content, 'common.stale_option');
  switch (state.step) {
    case 'homework.subject': {
      if (input.kind === 'reply') {
        const offset = moreOffset(input.id);
        if (offset !== undefined) return decision(state, [subjectQuestion(turn, undefined, offset)]);
        const subject = content.subjects.find((s) => s.id === unprefix(input.id, PREFIX.subject));
        return subject ? askWork(turn, subject.id, subject.title) : reask(turn, state, stale);
      }
      if (input.kind === 'text') {
        const typed = normalizeForMatching(input.text);
        const subject = content.subjects.find((s) => normalizeForMatching(s.title) === typed);
        if (subject) return askWork(turn, subject.id, subject.title);
      }
      return reask(turn, state, say(content, input.kind === 'media' ? 'common.media_not_expected' : 'homework.subject_invalid'));
    }
    case 'homework.work': {
      if (input.kind === 'text' && input.text.trim()) return submit(turn, state, input.text.trim(), null);
      if (input.kind === 'media' && (input.mediaType === 'image' || input.mediaType === 'document')) {
        const { mediaType, mediaId, mimeType, sha256, caption, filename } = input;
        const media: SubmittedMedia = {
          type: mediaType,
          id: mediaId,
          ...(mimeType ? { mimeType } : {}),
          ...(sha256 ? { sha256 } : {}),
          ...(caption ? { caption } : {}),
          ...(filename ? { filename } : {}),
        };
        return submit(turn, state, null, media);
      }
      return reask(turn, state, input.kind === 'reply' ? stale : say(content, 'homework.work_invalid'));
    }
    case 'homework.done': {
      if (input.kind === 'reply' && input.id === REPLY.homeworkAnother) return startHomework(turn);
      if (input.kind === 'reply') return reask(turn, state, stale);
      if (input.kind === 'media') return reask(turn, state, say(content, 'common.media_not_expected'));
      return reask(turn, state, say(content, 'menu.not_understood'));
    }
  }
}
