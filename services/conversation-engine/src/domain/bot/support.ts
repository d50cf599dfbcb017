import type { OutboundMessageInput } from '@app/contracts';
import { say, type BotContent } from './content';
import { isEndChat } from './intents';
import { menuMessage } from './menu';
import { buttonsMessage, paragraphs, textMessage } from './render';
import { REPLY } from './reply-ids';
import { reprompt } from './reprompt';
import { endWithSurvey } from './csat';
import { effectiveState, type BotState } from './state';
import { decision, type BotContext, type BotDecision, type ConversationSnapshot, type SupportStatus, type Turn } from './types';

// The student's side of a support chat: what they are told on joining the line, while they wait, when an
// admin joins and when the chat ends. The admins' side is domain/support (lifecycle, queue positions).

/** At most one "passed to our team" receipt per this interval, however much the student writes. */
export const SUPPORT_RECEIPT_INTERVAL_MS = 60_000;

export const isInSupport = (status: SupportStatus) => status === 'waiting' || status === 'active';

const endChatButton = (content: BotContent) => [{ id: REPLY.endChat, title: say(content, 'support.end_button') }];

/** Opens a support chat, telling the student their place in line. The bot's position is kept, to resume from. */
export function startSupport(turn: Turn): BotDecision {
  const queuePosition = (turn.context.supportChatsWaiting ?? 0) + 1;
  const closed = turn.context.officeClosed;
  // Outside hours nobody is there to go by: the student hears when the team is back instead.
  const wait = closed ? null : (turn.context.expectedWait?.(queuePosition) ?? null);
  const body = paragraphs(
    ...(closed
      ? [
          closed.backAt
            ? say(turn.content, 'support.closed', { when: closed.backAt })
            : say(turn.content, 'support.closed_until_further_notice'),
        ]
      : []),
    say(turn.content, 'support.started'),
    withExpectedWait(say(turn.content, 'support.queue_position', { position: String(queuePosition) }), wait),
  );
  const requested = { type: 'support.requested', queuePosition, ...(closed ? { outsideHours: true as const } : {}) } as const;
  return decision(turn.state, [buttonsMessage(body, endChatButton(turn.content))], [requested]);
}

/**
 * During a support chat the bot stays quiet: every message is for the team. Only "end chat" (the button,
 * or exactly those words) is the bot's business; "I'm done with Q1" is not.
 */
export function handleDuringSupport(turn: Turn): BotDecision {
  if (isEndChat(turn.input)) return endSupport(turn, 'student');
  const last = turn.conversation.support.lastReceiptAt;
  if (last && turn.context.now.getTime() - last.getTime() < SUPPORT_RECEIPT_INTERVAL_MS) return decision(turn.state, []);
  return decision(turn.state, [textMessage(say(turn.content, 'support.receipt'))], [{ type: 'support.receipt_sent' }]);
}

/** A registered student gets the main menu; one who is not resumes registration where they were. */
function endSupport(turn: Turn, by: 'student' | 'agent'): BotDecision {
  const ended = { type: 'support.ended', by } as const;
  const note = say(turn.content, 'support.ended');
  const survey = turn.context.csat;
  if (turn.conversation.student && survey) return endWithSurvey(turn, survey.chatId, note, ended);
  if (turn.conversation.student) return decision({ step: 'menu' }, [menuMessage(turn.content, note)], [ended]);
  const resumed = reprompt(turn, turn.state, note);
  return { ...resumed, events: [ended, ...resumed.events] };
}

/** An admin ended the chat: the student is told as if they had ended it themselves. */
export function endSupportByTeam(conversation: ConversationSnapshot, content: BotContent, context: BotContext): BotDecision {
  const state = effectiveState(conversation.botState, conversation.student !== null);
  // Nothing the student sent: the reprompts read only the position, the profile and the content.
  const turn: Turn = { conversation, state, input: { kind: 'unsupported', type: 'none' }, content, context };
  return endSupport(turn, 'agent');
}

/**
 * A chat ended with nothing sent to the student (their 24-hour window had closed): a registered student's
 * next message is taken at the main menu, one who is not registered stays where registration was.
 */
export function positionAfterSilentEnd(botState: BotState, registered: boolean): BotState {
  return registered ? { step: 'menu' } : effectiveState(botState, false);
}

/** An admin took the chat: who they are, and the way out. */
export function agentJoinedMessage(content: BotContent, agentName: string): OutboundMessageInput {
  return buttonsMessage(say(content, 'support.agent_joined', { agent: agentName }), endChatButton(content));
}

/** A place-in-line sentence with the expected wait after it, when there is an honest figure. */
export function withExpectedWait(sentence: string, wait: string | null): string {
  return wait ? `${sentence} Expected wait: ${wait}.` : sentence;
}

/** The student's place in line, when it improved (domain/support/queue-position.ts says when). */
export function queuePositionMessage(content: BotContent, position: number): OutboundMessageInput {
  return textMessage(say(content, 'support.queue_position', { position: String(position) }));
}
