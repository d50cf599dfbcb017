import { vi } from 'vitest';
import type { Agent } from '../assignment/types';
import { conversationOf } from './builders';

export const agentOf = (over: Partial<Agent> = {}): Agent => ({
  id: '00000000-0000-4000-8000-000000000002',
  name: 'agent',
  availability: 'available',
  chosen_availability: 'available',
  capacity: 3,
  active_chats: 0,
  idle_since: '2026-12-07T08:00:00.000Z',
  last_seen_at: '2026-12-07T08:00:00.000Z',
  ...over,
});

/** Assignment's calls for fakeApi: harmless answers; tests override what they look at. */
export function fakeAssignment() {
  return {
    agents: vi.fn(() => Promise.resolve({ items: [] as Agent[] })),
    setAvailability: vi.fn((availability: Agent['availability']) =>
      Promise.resolve({ agent: agentOf({ availability, chosen_availability: availability }) }),
    ),
    setCapacity: vi.fn((id: string, capacity: number) => Promise.resolve({ agent: agentOf({ id, capacity }) })),
    assignChat: vi.fn((student: string, agentId: string) =>
      Promise.resolve({
        conversation: conversationOf(student, {
          support_status: 'active',
          is_chat_support: true,
          assigned_to: { id: agentId, name: 'agent' },
        }),
      }),
    ),
    handBackChat: vi.fn((student: string) =>
      Promise.resolve({ conversation: conversationOf(student, { support_status: 'waiting', is_chat_support: true }) }),
    ),
    assignmentSettings: vi.fn(() => Promise.resolve({ auto_reassign_after_seconds: 0 })),
    setAssignmentSettings: vi.fn((settings: { auto_reassign_after_seconds: number }) => Promise.resolve(settings)),
  };
}
