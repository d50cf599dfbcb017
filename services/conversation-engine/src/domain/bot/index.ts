export { handleInbound, needsHomeworkReference } from './handle-inbound';
export { botStateSchema, parseBotState, type BotState } from './state';
export { buildBotContent, type BotContent, type BotContentRows } from './content';
export { DEFAULT_TEXTS, type TextKey } from './default-texts';
export { homeworkReference } from './homework';
export { agentJoinedMessage, endSupportByTeam, isInSupport, positionAfterSilentEnd, queuePositionMessage, SUPPORT_RECEIPT_INTERVAL_MS } from './support';
export { REPLY } from './reply-ids';
export type { BotEvent, SubmittedMedia } from './events';
export type { BotContext, BotDecision, ConversationSnapshot, StudentProfile, SupportStatus } from './types';
