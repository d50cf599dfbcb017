export { handleInbound, needsConsentContext, needsHomeworkReference } from './handle-inbound';
export { parseBotState, type BotState } from './state';
export { buildBotContent, type BotContent, type BotContentRows } from './content';
export { DEFAULT_TEXTS, type TextKey } from './default-texts';
export { homeworkReference } from './homework';
export {
  agentJoinedMessage,
  endSupportByTeam,
  isInSupport,
  positionAfterSilentEnd,
  queuePositionMessage,
  withExpectedWait,
} from './support';
export { isCsatEvent } from './csat';
export type { CsatEvent } from './events';
export type { BotEvent, SubmittedMedia } from './events';
export type { BotContext, ConversationSnapshot, SupportStatus } from './types';
export type { StudentProfile } from './student-profile';
