export { partitionOf, topology, type InboundKind, type Topology } from './topology';
export { WHATSAPP_LIMITS } from './whatsapp/limits';
export { bsuidSchema, isBsuid, studentIdSchema, studentKey, waIdSchema, type StudentRef } from './whatsapp/student-id';
export {
  contactOf,
  messagesChangeValueSchema,
  messageSender,
  statusRecipient,
  webhookPayloadSchema,
  type WhatsAppMessage,
  type WhatsAppPricing,
} from './whatsapp/webhook.schema';
export {
  outboundMessagePreview,
  outboundMessageSchema,
  templateMessageSchema,
  type OutboundMessage,
  type OutboundMessageInput,
} from './whatsapp/outbound-message.schema';
export { graphErrorResponseSchema, sendMessageResponseSchema } from './whatsapp/cloud-api.schema';
export { inboundMessageReceivedV1, type InboundMessageReceivedV1 } from './events/inbound-message-received.v1';
export { inboundStatusReceivedV1, statusEventId, type InboundStatusReceivedV1 } from './events/inbound-status-received.v1';
export { inboundEchoReceivedV1, type InboundEchoReceivedV1 } from './events/inbound-echo-received.v1';
export { echoRecipient, messageEchoesChangeValueSchema, type WhatsAppMessageEcho } from './whatsapp/message-echoes.schema';
export { outboundSendResultV1, sendErrorSchema, type OutboundSendResultV1, type SendError } from './events/outbound-send-result.v1';
export {
  isRetryReason,
  outboundSendRetryingV1,
  sendRetryingEventIdFor,
  type OutboundSendRetryingV1,
  type RetryReason,
} from './events/outbound-send-retrying.v1';
export {
  COMPLETED_JOB_RETENTION,
  FAILED_JOB_RETENTION,
  SEND_JOB_OPTIONS,
  sendMessageJobSchema,
  traceContextSchema,
  type SendMessageJob,
} from './jobs/send-message.job';
export {
  conversationViewSchema,
  messageViewSchema,
  supportStatusSchema,
  type ConversationView,
  type MessageMediaView,
  type MessagePricingView,
  type MessageRetryingView,
  type MessageView,
} from './admin/views.schema';
export {
  labelColourSchema,
  labelNameSchema,
  labelViewSchema,
  MAX_LABELS,
  MAX_LABELS_PER_CONVERSATION,
  noteTextSchema,
  type LabelView,
  type StudentProfile,
} from './admin/agent-tools.schema';
export {
  agentCapacitySchema,
  agentViewSchema,
  assignmentSettingsSchema,
  availabilitySchema,
  MAX_PRESENCE_USERS,
  PRESENCE_TTL_SECONDS,
  type AgentView,
  type AssignmentChange,
  type AssignmentReason,
  type AssignmentSettings,
  type Availability,
} from './admin/assignment.schema';
export {
  closureViewSchema,
  isKnownTimeZone,
  MAX_CLOSURES,
  minutesOf,
  newClosureSchema,
  officeHoursSettingsSchema,
  officeHoursViewSchema,
  WEEKDAYS,
  weeklyScheduleSchema,
  type ClosureView,
  type NewClosure,
  type OfficeHoursSettings,
  type OfficeHoursView,
  type Weekday,
} from './admin/office-hours.schema';
export {
  AGE_BANDS,
  consentSettingsSchema,
  consentStatusSchema,
  GUARDIAN_RELATIONSHIPS,
  RETENTION_PREVIEW_LIMIT,
  retentionPreviewSchema,
  retentionSettingsSchema,
  staffConsentSchema,
  type AgeBand,
  type ConsentSettings,
  type ConsentStatusView,
  type RetentionPreview,
  type RetentionSettings,
  type StaffConsent,
} from './admin/privacy.schema';
export {
  ERASED_MEDIA_BATCH,
  erasureSchema,
  STUDENT_DATA_PAGE_BYTES,
  type Erasure,
  type StudentDataTables,
  type StudentHistoryPage,
  type StudentIdentity,
} from './admin/student-data.schema';
export {
  CSAT_TEXT_FIELDS,
  csatSettingsSchema,
  MAX_GROUPED_DAILY_REPORT_DAYS,
  MAX_REPORT_GROUPS,
  reportQuerySchema,
  reportSchema,
  type CsatSettings,
  type CsatTexts,
  type Report,
  type ReportBucket,
  type ReportFigures,
  type ReportGrouping,
  type ReportQuery,
} from './admin/insight.schema';
export {
  engineRpc,
  PARKED_STATUSES,
  parkedEventViewSchema,
  TYPING_INDICATOR_INTERVAL_MS,
  typingIndicatorResultSchema,
  upgradeLegacyEngineRequest,
  type Actor,
  type EngineErrorCode,
  type EngineRpcName,
  type EngineRpcReply,
  type EngineRpcRequest,
  type ParkedEventView,
  type TypingIndicatorResult,
} from './admin/engine-rpc';
export { engineEventSchema, type EngineEvent } from './admin/engine-events';
export { ENGINE_EVENT_NAMES, INBOUND_PARTITIONS, WIRE } from './wire';
export { mediaMetadataResponseSchema, type MediaMetadataResponse } from './whatsapp/media.schema';
export { markReadJobSchema, type MarkReadJob, type MarkReadJobInput } from './jobs/mark-read.job';
export { DOWNLOAD_MEDIA_JOB_OPTIONS, downloadMediaJobSchema, mediaDownloadJobId, type DownloadMediaJob } from './jobs/download-media.job';
export { sendResultEventIdFor, sendResultRetryOf } from './events/send-result-retry';
export { outboundReadResultV1, type OutboundReadResultV1 } from './events/outbound-read-result.v1';
export { mediaDownloadedV1, mediaEventId, type MediaDownloadedV1 } from './events/media-downloaded.v1';
export { mediaDownloadFailedV1, type MediaDownloadFailedV1, type MediaFailureReason } from './events/media-download-failed.v1';
export {
  pauseReasonSchema,
  senderRpc,
  type DeadLetter,
  type PauseReason,
  type SenderErrorCode,
  type SenderQueueStatus,
  type SenderRpcName,
  type SenderRpcReply,
  type SenderRpcRequest,
} from './admin/sender-rpc';
export { DELIVERY_FAILURE_REASONS, deliveryFailureReason } from './whatsapp/error-reasons';
export { parse, type Parsed, type ParseOptions } from './boundary/parse';
export { describeIssues } from './boundary/describe-issues';
