import type { Conversation, LiveEventData, Message } from './types';
import { isAgent, isAssignmentChange } from '../assignment/guards';
import { isOfficeHoursStatus } from '../office-hours/guards';

// Live events arrive outside the typed client: each view is checked field by field before the console
// trusts it (no cast on data from the network). The checks follow admin-api's views (libs/contracts).

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown) => value === null || isString(value);

const SUPPORT_STATUSES = ['none', 'waiting', 'active', 'ended'];
const MESSAGE_STATUSES = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'];
const AUTHORS = ['student', 'bot', 'agent', 'system'];

/** A student is named by a phone, a business-scoped user id, or both; never by neither. */
const namesStudent = (value: Fields) =>
  isStringOrNull(value.phone_number) && isStringOrNull(value.user_id) && (isString(value.phone_number) || isString(value.user_id));

/** An event's own ids: `user_id` may be missing (an event published before user ids), taken as null. */
const eventNamesStudent = (value: Fields) => namesStudent({ ...value, user_id: value.user_id ?? null });

function isConversation(value: unknown): value is Conversation {
  if (!isObject(value)) return false;
  const owner = value.assigned_to;
  return (
    namesStudent(value) &&
    isStringOrNull(value.username) &&
    isStringOrNull(value.student_name) &&
    isString(value.state) &&
    typeof value.is_chat_support === 'boolean' &&
    SUPPORT_STATUSES.includes(String(value.support_status)) &&
    (owner === null || (isObject(owner) && isString(owner.id) && isString(owner.name))) &&
    isStringOrNull(value.last_message) &&
    isStringOrNull(value.last_message_time) &&
    typeof value.unread_count === 'number' &&
    isStringOrNull(value.service_window_expires_at) &&
    isLabelList(value.labels)
  );
}

/** A conversation's labels: absent (older admin-api) or a list of {id, name, colour}. */
const isLabelList = (value: unknown) =>
  value === undefined ||
  (Array.isArray(value) && value.every((l) => isObject(l) && isString(l.id) && isString(l.name) && isString(l.colour)));

function isMessage(value: unknown): value is Message {
  if (!isObject(value)) return false;
  const error = value.error;
  return (
    isString(value.id) &&
    (value.direction === 'inbound' || value.direction === 'outbound') &&
    AUTHORS.includes(String(value.author)) &&
    isStringOrNull(value.agent_name) &&
    isString(value.type) &&
    isStringOrNull(value.text) &&
    MESSAGE_STATUSES.includes(String(value.status)) &&
    (error === null || (isObject(error) && typeof error.code === 'number' && isString(error.title))) &&
    isString(value.created_at) &&
    (value.source === undefined || value.source === 'cloud_api' || value.source === 'business_app') &&
    (value.private === undefined || typeof value.private === 'boolean') &&
    isRetrying(value.retrying)
  );
}

const RETRY_REASONS = ['pair_rate_limit', 'throughput', 'temporary'];

/** A queued message's retry note: absent (older admin-api), null, or complete. */
function isRetrying(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return (
    isObject(value) &&
    RETRY_REASONS.includes(String(value.reason)) &&
    typeof value.code === 'number' &&
    typeof value.attempt === 'number' &&
    isString(value.next_attempt_at)
  );
}

/** One event's data, with only the views that passed their check; null when it names no student. */
export function parseLiveEventData(raw: string): LiveEventData | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  // agent.updated names no student: it carries the agent instead (assignment).
  // office_hours.updated names no student either: it carries the office-hours status.
  if (
    !isObject(value) ||
    (!eventNamesStudent(value) && !((isAgent(value.agent) || isOfficeHoursStatus(value.office_hours)) && value.phone_number === null))
  )
    return null;
  return {
    phone_number: isString(value.phone_number) ? value.phone_number : null,
    user_id: isString(value.user_id) ? value.user_id : null,
    occurredAt: isString(value.occurredAt) ? value.occurredAt : new Date(0).toISOString(),
    ...(isMessage(value.message) ? { message: value.message } : {}),
    ...(isConversation(value.conversation) ? { conversation: value.conversation } : {}),
    ...(isAgent(value.agent) ? { agent: value.agent } : {}),
    ...(isAssignmentChange(value.assignment) ? { assignment: value.assignment } : {}),
    ...(isOfficeHoursStatus(value.office_hours) ? { office_hours: value.office_hours } : {}),
  };
}
