import type { ConversationView, EngineEvent, MessageView } from '@app/contracts';

export const PHONE = '447700900123';
/** A student who adopted a username and withholds their number: WhatsApp names them only by this id. */
export const BSUID = 'NG.13491208655302741918';
const USERNAME = 'thandi.m';

export function buildConversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    phone_number: PHONE,
    user_id: null,
    username: null,
    student_name: 'Thandi Mokoena',
    state: 'support',
    is_chat_support: true,
    support_status: 'waiting',
    assigned_to: null,
    last_message: 'I need help with my timetable',
    last_message_time: '2026-05-01T08:00:00.000Z',
    unread_count: 2,
    service_window_expires_at: '2026-05-02T08:00:00.000Z',
    ...overrides,
  };
}

export function buildMessage(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: 'msg-1',
    direction: 'outbound',
    author: 'agent',
    agent_name: 'ms.khumalo',
    type: 'text',
    text: 'Hello Thandi, how can I help?',
    status: 'queued',
    error: null,
    created_at: '2026-05-01T08:01:00.000Z',
    ...overrides,
  };
}

export function buildEngineEvent(overrides: Partial<EngineEvent> = {}): EngineEvent {
  return {
    event: 'message.created',
    phone_number: PHONE,
    user_id: null,
    message: buildMessage({ direction: 'inbound', author: 'student', agent_name: null, status: 'received' }),
    occurredAt: '2026-05-01T08:02:00.000Z',
    ...overrides,
  };
}

/** The conversation of a student known only by their business-scoped user id and username. */
export function buildUsernameOnlyConversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return buildConversation({ phone_number: null, user_id: BSUID, username: USERNAME, student_name: null, ...overrides });
}
