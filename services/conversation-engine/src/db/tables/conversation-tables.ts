import type { ColumnType, Generated } from 'kysely';
import type { SupportStatus } from '../../domain/bot';
import type { MessageStatus } from '../../domain/message-status';
import type { Json, Timestamp } from './column-types';

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

type MessageSource = 'cloud_api' | 'business_app';

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

type MediaKind = 'image' | 'document' | 'audio' | 'video';

type MediaStatus = 'pending' | 'stored' | 'failed';

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
