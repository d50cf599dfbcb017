import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, pollUntil, startSystem, SYSTEM_APP_SECRET, type RunningSystem } from '@app/testing';
import type { RunningSandbox } from '../src/sandbox';
import { callMessages, phone, startTestSandbox, textTo } from './harness';

/*
 * The sandbox's webhooks against the real webhook-gateway: a 200 means the gateway checked the signature
 * with its own algorithm and stored every event in JetStream; a 401 means it refused the signature.
 */
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem({ services: ['webhook-gateway'] });
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

async function sandboxSigningWith(appSecret: string): Promise<RunningSandbox> {
  return startTestSandbox(
    `${system.url('webhook-gateway')}/api/webhook/whatsapp`,
    { WHATSAPP_APP_SECRET: appSecret },
    { retryDelaysMs: [] },
  );
}

describe('the sandbox and the real webhook-gateway', () => {
  it("has every message and status it signs accepted by the gateway's signature check", async () => {
    const sandbox = await sandboxSigningWith(SYSTEM_APP_SECRET);
    try {
      const waId = newPhone();
      await phone(sandbox, '/students', { wa_id: waId, name: 'Ada Lovelace' });
      await phone(sandbox, `/students/${waId}/messages`, { text: 'hello' });
      await callMessages(sandbox, textTo(waId, 'Welcome!'));
      await phone(sandbox, `/students/${waId}/read`);
      await pollUntil(() => sandbox.webhooks.log.length === 4, { message: 'a message and three statuses', timeoutMs: 5_000 });
      expect(sandbox.webhooks.log.map((d) => d.status)).toEqual([200, 200, 200, 200]);
    } finally {
      await sandbox.stop();
    }
  });

  it("has a username-only student's message, and the statuses of a reply sent to their user id, accepted by the gateway's schemas", async () => {
    const sandbox = await sandboxSigningWith(SYSTEM_APP_SECRET);
    try {
      const added = await phone(sandbox, '/students', { username: `gw_${Date.now().toString(36)}` });
      const userId = String(added.body.userId);
      await phone(sandbox, `/students/${encodeURIComponent(userId)}/messages`, { text: 'hello' });
      const { to: _, ...withoutTo } = textTo(userId, 'Welcome!');
      expect((await callMessages(sandbox, { ...withoutTo, recipient: userId })).status).toBe(200);
      await phone(sandbox, `/students/${encodeURIComponent(userId)}/read`);
      await pollUntil(() => sandbox.webhooks.log.length === 4, { message: 'a message and three statuses', timeoutMs: 5_000 });
      expect(sandbox.webhooks.log.map((d) => d.status)).toEqual([200, 200, 200, 200]);
      expect(sandbox.webhooks.log.every((d) => d.key === userId)).toBe(true);
    } finally {
      await sandbox.stop();
    }
  });

  it('has its webhooks refused (401) by a gateway that holds another app secret', async () => {
    const sandbox = await sandboxSigningWith('some-other-secret');
    try {
      const waId = newPhone();
      await phone(sandbox, '/students', { wa_id: waId, name: 'Ada Lovelace' });
      const sent = (await phone(sandbox, `/students/${waId}/messages`, { text: 'hello' })).body.id;
      await pollUntil(
        () => sandbox.store.bubble(sent)?.from === 'student' && (sandbox.store.bubble(sent) as { ticks: string }).ticks === 'failed',
        { message: 'failed' },
      );
      expect(sandbox.webhooks.log.map((d) => d.status)).toEqual([401]);
    } finally {
      await sandbox.stop();
    }
  });
});
