import type { Migration } from 'kysely';
import * as createConversations from './2026_11_21_0600_create_conversations';
import * as createStudents from './2026_11_22_0600_create_students';
import * as addSupportTimestamps from './2026_11_22_0610_add_support_timestamps';
import * as createHomeworkSubmissions from './2026_11_22_0620_create_homework_submissions';
import * as createBotContent from './2026_11_22_0630_create_bot_content';
import * as createSupportChats from './2026_11_23_0600_create_support_chats';
import * as addOutboxJobKinds from './2026_11_24_0600_add_outbox_job_kinds';
import * as createMessageMedia from './2026_11_24_0610_create_message_media';
import * as addSendRetriesAndWindowClose from './2026_11_24_0620_add_send_retries_and_window_close';
import * as createPartitionLeases from './2026_12_03_0600_create_partition_leases';
import * as addOutboxReady from './2026_12_03_0610_add_outbox_ready';
import * as createBotContentVersion from './2026_12_03_0620_create_bot_content_version';
import * as createParkedEvents from './2026_12_03_0700_create_parked_events';
import * as addDedupeRetentionIndexes from './2026_12_03_0710_add_dedupe_retention_indexes';
import * as addMessagePricing from './2026_12_04_0800_add_message_pricing';
import * as addTypingIndicator from './2026_12_04_0600_add_typing_indicator';
import * as addMessageSource from './2026_12_04_0700_add_message_source';
import * as addMessageRetryNote from './2026_12_04_0900_add_message_retry_note';
import * as addConversationUserId from './2026_12_05_0600_add_conversation_user_id';
import * as addOutboxTraceContext from './2026_12_07_0900_add_outbox_trace_context';
import * as createAgents from './2026_12_07_1000_create_agents';
import * as createOfficeHours from './2026_12_07_1100_create_office_hours';
import * as createLabels from './2026_12_07_1200_create_labels';
import * as createStudentErasures from './2026_12_07_1300_create_student_erasures';
import * as createPrivacyRecords from './2026_12_07_1400_create_privacy_records';
import * as createSupportChatCsat from './2026_12_07_1500_create_support_chat_csat';

/** Every migration, in order. A static map so that tsx, vitest and a bundled build all see the same list. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0600_create_conversations': createConversations,
  '2026_11_22_0600_create_students': createStudents,
  '2026_11_22_0610_add_support_timestamps': addSupportTimestamps,
  '2026_11_22_0620_create_homework_submissions': createHomeworkSubmissions,
  '2026_11_22_0630_create_bot_content': createBotContent,
  '2026_11_23_0600_create_support_chats': createSupportChats,
  '2026_11_24_0600_add_outbox_job_kinds': addOutboxJobKinds,
  '2026_11_24_0610_create_message_media': createMessageMedia,
  '2026_11_24_0620_add_send_retries_and_window_close': addSendRetriesAndWindowClose,
  '2026_12_03_0600_create_partition_leases': createPartitionLeases,
  '2026_12_03_0610_add_outbox_ready': addOutboxReady,
  '2026_12_03_0620_create_bot_content_version': createBotContentVersion,
  '2026_12_03_0700_create_parked_events': createParkedEvents,
  '2026_12_03_0710_add_dedupe_retention_indexes': addDedupeRetentionIndexes,
  '2026_12_04_0600_add_typing_indicator': addTypingIndicator,
  '2026_12_04_0700_add_message_source': addMessageSource,
  '2026_12_04_0800_add_message_pricing': addMessagePricing,
  '2026_12_04_0900_add_message_retry_note': addMessageRetryNote,
  '2026_12_05_0600_add_conversation_user_id': addConversationUserId,
  '2026_12_07_0900_add_outbox_trace_context': addOutboxTraceContext,
  '2026_12_07_1000_create_agents': createAgents,
  '2026_12_07_1100_create_office_hours': createOfficeHours,
  '2026_12_07_1200_create_labels': createLabels,
  '2026_12_07_1300_create_student_erasures': createStudentErasures,
  '2026_12_07_1400_create_privacy_records': createPrivacyRecords,
  '2026_12_07_1500_create_support_chat_csat': createSupportChatCsat,
};
