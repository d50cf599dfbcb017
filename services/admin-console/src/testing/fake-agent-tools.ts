import { vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import { conversationOf } from './builders';

type AgentToolsCalls = Pick<
  ConsoleApi,
  | 'addNote'
  | 'listCannedReplies'
  | 'createCannedReply'
  | 'updateCannedReply'
  | 'deleteCannedReply'
  | 'renderedCannedReplies'
  | 'listLabels'
  | 'createLabel'
  | 'updateLabel'
  | 'deleteLabel'
  | 'addConversationLabel'
  | 'removeConversationLabel'
>;

/** fakeApi's agent tools (notes, canned replies, labels): empty lists, and commands that never answer. */
export function fakeAgentTools(): AgentToolsCalls {
  const pending = () => new Promise<never>(() => undefined);
  return {
    addNote: vi.fn(pending),
    listCannedReplies: vi.fn(() => Promise.resolve({ items: [] })),
    createCannedReply: vi.fn(pending),
    updateCannedReply: vi.fn(pending),
    deleteCannedReply: vi.fn(pending),
    renderedCannedReplies: vi.fn(() => Promise.resolve({ items: [] })),
    listLabels: vi.fn(() => Promise.resolve({ items: [] })),
    createLabel: vi.fn(pending),
    updateLabel: vi.fn(pending),
    deleteLabel: vi.fn(pending),
    addConversationLabel: vi.fn((student: string) => Promise.resolve({ conversation: conversationOf(student) })),
    removeConversationLabel: vi.fn((student: string) => Promise.resolve({ conversation: conversationOf(student) })),
  };
}
