import {
  deliveryFailureReason,
  isRetryReason,
  type ConversationView,
  type MessageMediaView,
  type MessagePricingView,
  type MessageRetryingView,
  type MessageView,
} from '@app/contracts';
import { isInSupport, parseBotState, type SupportStatus } from './bot';
import { isBillable } from './pricing';
import { serviceWindowExpiresAt } from './support/service-window';
import { labelViews } from './labels';
import { NOTE_TYPE } from './notes';

// The shapes admins see (libs/contracts views.schema.ts), made from what the repositories read.

export interface ConversationViewRow {
  phone_number: string | null;
  user_id: string | null;
  username: string | null;
  student_name: string | null;
  profile_name: string | null;
  bot_state: unknown;
  support_status: SupportStatus;
  assigned_admin_id: string | null;
  assigned_admin_name: string | null;
  last_message_preview: string | null;
  last_message_at: Date | null;
  last_inbound_at: Date | null;
  service_window_closed_at: Date | null;
  unread_count: number;
  /** JSON from the view's labels column (absent in rows read without it). */
  labels?: unknown;
}

export function toConversationView(row: ConversationViewRow): ConversationView {
  const inSupport = isInSupport(row.support_status);
  const expiresAt = serviceWindowExpiresAt({ lastInboundAt: row.last_inbound_at, closedAt: row.service_window_closed_at });
  return {
    phone_number: row.phone_number,
    user_id: row.user_id,
    username: row.username,
    // The registered name; until registration completes, the name on the student's WhatsApp profile.
    student_name: row.student_name ?? row.profile_name,
    state: inSupport ? 'support' : parseBotState(row.bot_state).step,
    is_chat_support: inSupport,
    support_status: row.support_status,
    assigned_to:
      inSupport && row.assigned_admin_id ? { id: row.assigned_admin_id, name: row.assigned_admin_name ?? row.assigned_admin_id } : null,
    last_message: row.last_message_preview,
    last_message_time: row.last_message_at?.toISOString() ?? null,
    unread_count: Number(row.unread_count),
    service_window_expires_at: expiresAt?.toISOString() ?? null,
    labels: labelViews(row.labels),
  };
}

export interface MessageViewRow {
  id: string;
  direction: 'inbound' | 'outbound';
  author: 'student' | 'bot' | 'agent' | 'system';
  agent_name: string | null;
  type: string;
  text: string | null;
  status: MessageView['status'];
  error: unknown;
  created_at: Date;
  /** Absent in rows read before the column existed: cloud_api. */
  source?: MessageView['source'];
  /** The file of the message (left join: all null for a message without one). */
  media_kind?: MessageMediaView['kind'] | null;
  media_mime_type?: string | null;
  media_size?: string | number | null;
  media_caption?: string | null;
  media_filename?: string | null;
  media_status?: MessageMediaView['status'] | null;
  media_failure_reason?: string | null;
  /** From the latest status webhook that carried pricing; null before one did. */
  pricing_type?: string | null;
  pricing_category?: string | null;
  /** The sender's latest retry note, while the message is queued. */
  retry_reason?: string | null;
  retry_code?: number | null;
  retry_attempt?: number | null;
  next_attempt_at?: Date | null;
}

function mediaView(row: MessageViewRow): MessageMediaView | null {
  if (!row.media_kind || !row.media_status) return null;
  return {
    id: row.id,
    kind: row.media_kind,
    mime_type: row.media_mime_type ?? null,
    size: row.media_size === null || row.media_size === undefined ? null : Number(row.media_size),
    caption: row.media_caption ?? null,
    filename: row.media_filename ?? null,
    status: row.media_status,
    failure_reason: row.media_status === 'failed' ? (row.media_failure_reason ?? null) : null,
  };
}

function deliveryError(value: unknown): MessageView['error'] {
  if (typeof value !== 'object' || value === null) return null;
  const { code, title } = value as { code?: unknown; title?: unknown };
  return typeof code === 'number' && Number.isInteger(code)
    ? { code, title: typeof title === 'string' ? title : 'unknown error', reason: deliveryFailureReason(code) }
    : null;
}

function pricingView(row: MessageViewRow): MessagePricingView | null {
  if (!row.pricing_type && !row.pricing_category) return null;
  return { type: row.pricing_type ?? null, category: row.pricing_category ?? null, billable: isBillable(row.pricing_type) };
}

/** Only a queued message is late; a note outliving its status (it cannot, but rows are data) is not shown. */
function retryingView(row: MessageViewRow): MessageRetryingView | null {
  const { retry_reason: reason, retry_code: code, retry_attempt: attempt, next_attempt_at: due } = row;
  if (row.status !== 'queued' || !reason || !isRetryReason(reason) || code == null || attempt == null || !due) return null;
  return { reason, code, attempt, next_attempt_at: due.toISOString() };
}

export function toMessageView(row: MessageViewRow): MessageView {
  return {
    ...(row.type === NOTE_TYPE && row.author === 'agent' ? { private: true } : {}),
    id: row.id,
    direction: row.direction,
    author: row.author,
    agent_name: row.agent_name,
    type: row.type,
    text: row.text,
    status: row.status,
    error: row.status === 'failed' ? deliveryError(row.error) : null,
    created_at: row.created_at.toISOString(),
    media: mediaView(row),
    source: row.source ?? 'cloud_api',
    pricing: pricingView(row),
    retrying: retryingView(row),
  };
}
