import type { OutboundMessageInput } from '@app/contracts';
import type { ConsentContext } from '../consent';
import type { InboundInput } from '../inbound-input';
import type { BotContent } from './content';
import type { BotEvent } from './events';
import type { BotState } from './state';
import type { StudentProfile } from './student-profile';

export type SupportStatus = 'none' | 'waiting' | 'active' | 'ended';

export interface ConversationSnapshot {
  /**
   * Null for a student who withholds their number (known by their business-scoped user id). The bot never
   * shows or needs it: it speaks to the conversation, however WhatsApp names the student.
   */
  phoneNumber: string | null;
  /** The WhatsApp profile name, offered as the default full name. */
  profileName: string | null;
  /** The WhatsApp username the student adopted, if any (a handle, not a name: never offered as one). */
  username?: string | null;
  /** Null until registration completes. */
  student: StudentProfile | null;
  botState: BotState;
  support: { status: SupportStatus; lastReceiptAt: Date | null };
}

/**
 * Values the pure bot cannot make itself: the time, a homework reference reserved by the caller, and how many
 * support chats are waiting (a student asking for support joins the line behind them).
 */
export interface BotContext {
  now: Date;
  homeworkReference?: string;
  supportChatsWaiting?: number;
  /** Set when a student asking for support does so outside office hours: when the team is back, in words (null: not known). */
  officeClosed?: { backAt: string | null };
  /** The school's consent rules and the student's standing, loaded for the turns that need them (needsConsentContext). */
  consent?: ConsentContext;
  /** Set when the chat that may end this turn is to be followed by the satisfaction survey (csat.ts). */
  csat?: { chatId: string };
  /** How long a student joining the line at a place can expect to wait, in words ("about 5 minutes"); null: no honest figure. */
  expectedWait?: (position: number) => string | null;
}

export interface BotDecision {
  botState: BotState;
  replies: OutboundMessageInput[];
  events: BotEvent[];
}

/** Everything one step handler needs; `state` is the effective state (see state.ts). */
export interface Turn {
  conversation: ConversationSnapshot;
  state: BotState;
  input: InboundInput;
  content: BotContent;
  context: BotContext;
}

export const decision = (botState: BotState, replies: OutboundMessageInput[], events: BotEvent[] = []): BotDecision => ({
  botState,
  replies,
  events,
});
