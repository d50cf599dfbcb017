import { vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import type { Conversation, Stats } from '../api/types';
import { conversationOf } from './builders';
import { fakeAgentTools } from './fake-agent-tools';
import { fakeOfficeHours } from './fake-office-hours';
import { fakePrivacy } from './fake-privacy';
import { fakeAssignment } from './fake-assignment';
import { fakeStudentData } from './fake-student-data';
import { fakeReports } from './fake-reports';

export const ADMIN = { id: '00000000-0000-4000-8000-000000000001', email: 'head@school.test', role: 'admin' as const, display_name: null };
export const AGENT = { id: '00000000-0000-4000-8000-000000000002', email: 'agent@school.test', role: 'agent' as const, display_name: null };

const noStats: Stats = {
  waiting_chats: 0,
  active_chats: 0,
  oldest_waiting_since: null,
  chats_today: 0,
  median_first_response_seconds: null,
};
const answer = (c: Conversation) => Promise.resolve({ conversation: c });

/** A ConsoleApi whose every call is a vi.fn with a harmless answer; tests override what they look at. */
export function fakeApi(overrides: Partial<ConsoleApi> = {}): ConsoleApi {
  const api: ConsoleApi = {
    login: vi.fn(() => Promise.resolve({ token: 'token-2', expires_at: new Date(Date.now() + 3_600_000).toISOString(), user: ADMIN })),
    me: vi.fn(() => Promise.resolve({ user: ADMIN })),
    updateMe: vi.fn(() => new Promise<never>(() => undefined)),
    listConversations: vi.fn(() => Promise.resolve({ items: [], next_cursor: null })),
    listMessages: vi.fn(() => Promise.resolve({ items: [], next_cursor: null })),
    startChat: vi.fn((student: string) => answer(conversationOf(student, { support_status: 'active', is_chat_support: true }))),
    claimChat: vi.fn((student: string) =>
      answer(
        conversationOf(student, { support_status: 'active', is_chat_support: true, assigned_to: { id: ADMIN.id, name: ADMIN.email } }),
      ),
    ),
    endChat: vi.fn((student: string) => answer(conversationOf(student, { support_status: 'ended' }))),
    markRead: vi.fn((student: string) => answer(conversationOf(student))),
    sendMessage: vi.fn(() => new Promise<never>(() => undefined)),
    sendTemplate: vi.fn(() => Promise.resolve()),
    indicateTyping: vi.fn(() => Promise.resolve({ sent: true as const })),
    media: vi.fn(() => Promise.resolve(new Blob(['x']))),
    stats: vi.fn(() => Promise.resolve(noStats)),
    eventsTicket: vi.fn(() => Promise.resolve({ ticket: 'ticket-1', expires_at: new Date(Date.now() + 60_000).toISOString() })),
    listUsers: vi.fn(() => Promise.resolve({ items: [] })),
    createUser: vi.fn(() => new Promise<never>(() => undefined)),
    updateUser: vi.fn(() => new Promise<never>(() => undefined)),
    listAudit: vi.fn(() => Promise.resolve({ items: [], next_cursor: null })),
    listParkedEvents: vi.fn(() => Promise.resolve({ items: [], next_cursor: null })),
    retryParkedEvent: vi.fn(() => new Promise<never>(() => undefined)),
    discardParkedEvent: vi.fn(() => new Promise<never>(() => undefined)),
    capabilities: vi.fn(() => Promise.resolve({ template: false, media: false })),
    ...fakeAgentTools(),
    ...fakeOfficeHours(),
    ...fakePrivacy(),
    ...fakeAssignment(),
    ...fakeStudentData(),
    ...fakeReports(),
    ...overrides,
  };
  return api;
}
