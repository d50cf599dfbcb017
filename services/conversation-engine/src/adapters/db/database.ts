import type { ColumnType, Generated } from 'kysely';
import type { SupportStatus } from '../../domain/bot';
import type { OutboxKind } from '../../domain/outbox-job';
import type { AgentsTable, AssignmentSettingsTable } from './assignment-tables';
import type { OfficeHoursClosuresTable, OfficeHoursTable } from './office-hours-tables';
import type { ConsentSettingsTable, RetentionSettingsTable, StudentConsentsTable } from './privacy-tables';
import type { CsatSettingsTable, SupportChatCsatTable } from './csat-tables';
import type { ErasedMediaObjectsTable, StudentErasuresTable } from './student-erasure-tables';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type { OutboxKind, SupportStatus };
export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface ConversationsTable {
  id: Generated<string>;
  /** The student's phone (E.164 digits); null for a student known only by their business-scoped user id. */
  phone_number: string | null;
  /** The student's business-scoped user id (BSUID); null until Meta sent one. At least one of the two is set. */
  user_id: string | null;
  profile_name: string | null;
  /** The WhatsApp username the student adopted, as the latest payload carrying one said. */
  username: string | null;
  bot_state: Json<unknown>;
  support_status: ColumnType<SupportStatus, SupportStatus | undefined, SupportStatus>;
  last_inbound_at: Timestamp | null;
  last_message_at: Timestamp | null;
  last_message_preview: string | null;
  support_requested_at: Timestamp | null;
  support_receipt_at: Timestamp | null;
  admin_read_seq: Generated<number>;
  admin_read_at: Timestamp | null;
  admin_read_by: string | null;
  service_window_closed_at: Timestamp | null;
  /** When an admin's typing last queued a typing indicator to the student (the throttle's clock). */
  typing_indicated_at: Timestamp | null;
  /** When retention last deleted its messages and media (2026_12_07_1400); due again only after newer activity. */
  history_deleted_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type MessageSource = 'cloud_api' | 'business_app';

export interface MessagesTable {
  id: string;
  seq: Generated<number>;
  conversation_id: string;
  direction: 'inbound' | 'outbound';
  author: 'student' | 'bot' | 'agent' | 'system';
  type: string;
  text: string | null;
  content: Json<unknown>;
  wamid: string | null;
  status: MessageStatus;
  error: Json<{ code: number; title: string } | null> | null;
  agent_id: string | null;
  agent_name: string | null;
  correlation_id: string | null;
  /** `business_app`: an echo of a message the school sent from the WhatsApp Business app (coexistence). */
  source: Generated<MessageSource>;
  send_retry: Generated<number>;
  /** Per-message pricing from the latest status webhook that carried it (null before one did). */
  pricing_type: string | null;
  pricing_category: string | null;
  /** When the first status with pricing was sent by Meta. */
  priced_at: Date | null;
  /**
   * The sender's latest retry note while the message is queued (outbound-send-retrying.v1): the retried
   * error's class and code, the attempt it refused, when the next one is due. Null otherwise.
   */
  retry_reason: string | null;
  retry_code: number | null;
  retry_attempt: number | null;
  next_attempt_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InboundDedupeTable {
  event_id: string;
  processed_at: Generated<Date>;
}

export interface OutboxTable {
  id: string;
  kind: OutboxKind;
  /** The outbound message of a send; the student's message a mark-read or download is about. */
  message_id: string;
  seq: Generated<number>;
  conversation_id: string;
  job: Json<unknown>;
  created_at: Generated<Date>;
  relayed_at: Timestamp | null;
  completed_at: Timestamp | null;
  /** Nothing of the conversation's send order is open before it: the relay may queue it. */
  ready: Generated<boolean>;
  /** W3C trace context ({traceparent, tracestate?}) of the work that wrote it; null when tracing is off. */
  trace_context: Json<unknown> | null;
}

export type MediaKind = 'image' | 'document' | 'audio' | 'video';
export type MediaStatus = 'pending' | 'stored' | 'failed';

export interface MessageMediaTable {
  message_id: string;
  conversation_id: string;
  media_id: string;
  kind: MediaKind;
  mime_type: string | null;
  sha256: string | null;
  caption: string | null;
  filename: string | null;
  status: ColumnType<MediaStatus, MediaStatus | undefined, MediaStatus>;
  storage_key: string | null;
  /** bigint: pg gives it back as a string. */
  size: ColumnType<string | null, number | null | undefined, number | null>;
  failure_reason: string | null;
  failure_detail: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PendingStatusesTable {
  wamid: string;
  status: string;
  error: Json<{ code: number; title: string } | null> | null;
  pricing: Json<{ type: string | null; category: string | null; pricedAt: string } | null> | null;
  received_at: Generated<Date>;
}

export interface SupportChatsTable {
  id: Generated<string>;
  seq: Generated<number>;
  conversation_id: string;
  status: 'waiting' | 'active' | 'ended';
  requested_at: Timestamp;
  requested_by: 'student' | 'agent';
  assigned_admin_id: string | null;
  assigned_admin_name: string | null;
  claimed_at: Timestamp | null;
  first_response_at: Timestamp | null;
  ended_at: Timestamp | null;
  ended_by: 'student' | 'agent' | 'system' | null;
  end_reason: 'student' | 'agent' | 'service_window_closed' | null;
  ended_by_admin_id: string | null;
  ended_by_admin_name: string | null;
  queue_position_told: number | null;
  queue_position_told_at: Timestamp | null;
  /** When the current assignee got the chat (claim, offer, assignment, transfer). */
  assigned_at: Timestamp | null;
  /** When an agent last wrote to the student in the chat (auto-reassign). */
  agent_replied_at: Timestamp | null;
  /** The agent who last handed the chat back or let it go unanswered: it is not offered to them again. */
  passed_by: string | null;
  /** The student asked for the chat outside office hours (told when the team is back). */
  arrived_outside_hours: Generated<boolean>;
  waited_seconds: ColumnType<number | null, never, never>;
  first_response_seconds: ColumnType<number | null, never, never>;
  duration_seconds: ColumnType<number | null, never, never>;
}

export interface AdminIdempotencyTable {
  key: string;
  message_id: string;
  created_at: Timestamp;
}

export interface StudentsTable {
  conversation_id: string;
  name: string;
  email: string;
  class_name: string;
  registered_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HomeworkSubmissionsTable {
  id: Generated<string>;
  reference: string;
  conversation_id: string;
  message_id: string;
  subject_id: string | null;
  subject: string;
  text: string | null;
  media_type: 'image' | 'document' | null;
  media_id: string | null;
  media_mime_type: string | null;
  media_sha256: string | null;
  media_caption: string | null;
  media_filename: string | null;
  created_at: Generated<Date>;
}

export interface BotTextsTable {
  id: string;
  body: string;
  updated_at: Generated<Date>;
}

export interface FaqCategoriesTable {
  id: string;
  title: string;
  position: Generated<number>;
  updated_at: Generated<Date>;
}

export interface FaqEntriesTable {
  id: string;
  category_id: string;
  question: string;
  answer: string;
  position: Generated<number>;
  updated_at: Generated<Date>;
}

/** subjects and classes: a choice offered in a list. */
export interface ChoiceTable {
  id: string;
  title: string;
  position: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PartitionLeasesTable {
  partition: number;
  owner: string | null;
  expires_at: Generated<Date>;
}
export interface EngineReplicasTable {
  id: string;
  seen_at: Generated<Date>;
}
export interface BotContentVersionTable {
  id: number;
  version: number;
}
export type ParkedSource = 'inbound' | 'delivery' | 'outbox';
export type ParkedStatus = 'parked' | 'retried' | 'discarded';

export interface ParkedEventsTable {
  id: string;
  source: ParkedSource;
  subject: string;
  stream_seq: number | null;
  phone_number: string | null;
  payload: string;
  error: string;
  attempts: number;
  status: ColumnType<ParkedStatus, ParkedStatus | undefined, ParkedStatus>;
  parked_at: Generated<Date>;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

/** The team's labels (agent tools); names unique whatever the case. */
export interface LabelsTable {
  id: string;
  name: string;
  colour: string;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConversationLabelsTable {
  conversation_id: string;
  label_id: string;
  added_by: string;
  added_at: Generated<Date>;
}

export interface EngineDatabase {
  student_erasures: StudentErasuresTable;
  erased_media_objects: ErasedMediaObjectsTable;
  agents: AgentsTable;
  assignment_settings: AssignmentSettingsTable;
  parked_events: ParkedEventsTable;
  partition_leases: PartitionLeasesTable;
  engine_replicas: EngineReplicasTable;
  bot_content_version: BotContentVersionTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  inbound_dedupe: InboundDedupeTable;
  outbox: OutboxTable;
  message_media: MessageMediaTable;
  pending_statuses: PendingStatusesTable;
  students: StudentsTable;
  support_chats: SupportChatsTable;
  admin_idempotency: AdminIdempotencyTable;
  homework_submissions: HomeworkSubmissionsTable;
  bot_texts: BotTextsTable;
  faq_categories: FaqCategoriesTable;
  faq_entries: FaqEntriesTable;
  subjects: ChoiceTable;
  classes: ChoiceTable;
  labels: LabelsTable;
  conversation_labels: ConversationLabelsTable;
  office_hours: OfficeHoursTable;
  office_hours_closures: OfficeHoursClosuresTable;
  consent_settings: ConsentSettingsTable;
  student_consents: StudentConsentsTable;
  retention_settings: RetentionSettingsTable;
  support_chat_csat: SupportChatCsatTable;
  csat_settings: CsatSettingsTable;
}
