import { beforeEach, describe, expect, it } from 'vitest';
import { pollUntil } from '@app/testing';
import type { Actor } from '@app/contracts';
import { correlationId, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { studentInLine } from './support-driver';

const ANA: Actor = { id: 'agent-ana', name: 'Ana Diaz', role: 'agent' };
const BEN: Actor = { id: 'agent-ben', name: 'Ben Okafor', role: 'agent' };

describe('assignment with two engine replicas', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  // Both sweep often, so offers run side by side on both replicas as well as after each commit.
  useEngineWithAdmin((world) => ({ h, admin } = world), { env: { ENGINE_SUPPORT_SWEEP_INTERVAL_MS: '50' } });
  beforeEach(async () => {
    await h.start({}, { ENGINE_SUPPORT_SWEEP_INTERVAL_MS: '50' });
    await h.partitionsShared(2);
  });

  it('never gives a chat twice nor an agent more chats than their capacity', async () => {
    await admin.ok('reportPresence', { users: [ANA, BEN].map((a) => ({ id: a.id, name: a.name })) });
    for (const [agent, capacity] of [
      [ANA, 2],
      [BEN, 1],
    ] as const) {
      await admin.ok('setAgentCapacity', {
        actor: MARY,
        agent: { id: agent.id, name: agent.name },
        capacity,
        correlationId: correlationId(),
      });
      await admin.ok('setAvailability', { actor: agent, availability: 'available', correlationId: correlationId() });
    }
    const students = await Promise.all(Array.from({ length: 6 }, (_, i) => studentInLine(h, `Student ${String.fromCharCode(65 + i)}`)));
    const chats = () => h.db.selectFrom('support_chats').select(['status', 'assigned_admin_id']).execute();
    await pollUntil(async () => (await chats()).filter((c) => c.status === 'active').length === 3, { message: 'three chats offered' });

    // Every offer went out once: one joined message per active chat, none to those still waiting.
    const all = await chats();
    expect(all.filter((c) => c.assigned_admin_id === ANA.id && c.status === 'active')).toHaveLength(2);
    expect(all.filter((c) => c.assigned_admin_id === BEN.id && c.status === 'active')).toHaveLength(1);
    expect(all.filter((c) => c.status === 'waiting')).toHaveLength(3);
    let joined = 0;
    for (const student of students) {
      const { messages } = await h.conversationRows(student.phone);
      joined += messages.filter((m) => m.author === 'system' && m.text?.includes('has joined the chat')).length;
    }
    expect(joined).toBe(3);
    const offers = admin.events.filter((e) => e.event === 'assignment.changed');
    expect(new Set(offers.map((e) => e.assignment?.chat_id)).size).toBe(offers.length);
  });
});
