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
export { isCsatEvent, type CsatEvent } from './csat';
export type { BotEvent, SubmittedMedia } from './events';
export type { BotContext, ConversationSnapshot, StudentProfile, SupportStatus } from './types';
