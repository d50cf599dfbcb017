import type { Conversation, Message } from '../api/types';

// Builders with overrides for the console's tests (never imported by the app).

export const conversation = (overrides: Partial<Conversation> = {}): Conversation => ({
  phone_number: '447700900001',
  user_id: null,
  username: null,
  student_name: 'Ada Lovelace',
  state: 'menu',
  is_chat_support: false,
  support_status: 'none',
  assigned_to: null,
  last_message: 'hi',
  last_message_time: '2026-11-20T10:00:00.000Z',
  unread_count: 0,
  service_window_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  ...overrides,
});

export const waitingChat = (overrides: Partial<Conversation> = {}): Conversation =>
  conversation({ is_chat_support: true, support_status: 'waiting', state: 'support', unread_count: 1, ...overrides });

export const BSUID = 'NG.13491208655302741918';

/** A student who adopted a username and withholds their number: no phone, no name, a user id and a username. */
export const usernameOnly = (overrides: Partial<Conversation> = {}): Conversation =>
  conversation({ phone_number: null, user_id: BSUID, username: 'thandi.m', student_name: null, ...overrides });

/** The conversation the fake API answers for a `{student}`: a phone's, or a user id's. */
export const conversationOf = (student: string, overrides: Partial<Conversation> = {}): Conversation =>
  /^\d+$/.test(student) ? conversation({ phone_number: student, ...overrides }) : usernameOnly({ user_id: student, ...overrides });

let seq = 0;
export const message = (overrides: Partial<Message> = {}): Message => ({
  id: `m${++seq}`,
  direction: 'inbound',
  author: 'student',
  agent_name: null,
  type: 'text',
  text: 'hello',
  status: 'received',
  error: null,
  created_at: new Date(Date.UTC(2026, 10, 20, 10, 0, seq)).toISOString(),
  ...overrides,
});
