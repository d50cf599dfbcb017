import type { AgentsTable, AssignmentSettingsTable } from './tables/assignment-tables';
import type { OfficeHoursClosuresTable, OfficeHoursTable } from './tables/office-hours-tables';
import type { ConsentSettingsTable, RetentionSettingsTable, StudentConsentsTable } from './tables/privacy-tables';
import type { CsatSettingsTable, SupportChatCsatTable } from './tables/csat-tables';
import type { ErasedMediaObjectsTable, StudentErasuresTable } from './tables/student-erasure-tables';
import type {
  ConversationsTable,
  InboundDedupeTable,
  MessageMediaTable,
  MessagesTable,
  PendingStatusesTable,
} from './tables/conversation-tables';
import type { OutboxTable } from './tables/outbox-tables';
import type { AdminIdempotencyTable, SupportChatsTable } from './tables/support-tables';
import type { HomeworkSubmissionsTable, StudentsTable } from './tables/student-tables';
import type { BotContentVersionTable, BotTextsTable, ChoiceTable, FaqCategoriesTable, FaqEntriesTable } from './tables/bot-content-tables';
import type { EngineReplicasTable, PartitionLeasesTable } from './tables/replica-tables';
import type { ParkedEventsTable } from './tables/parked-events-tables';
import type { ConversationLabelsTable, LabelsTable } from './tables/labels-tables';

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
