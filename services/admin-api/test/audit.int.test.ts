import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { insertAuditEntry } from '../src/db/repositories/audit-log.repository';
import type { AuditAction } from '../src/domain/audit';
import {
  createTestSchema,
  errorCodeOf,
  send,
  signedInHead,
  signedInTeacher,
  startTestApi,
  type SignedInUser,
  type TestSchema,
} from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let head: SignedInUser;
let agent: SignedInUser;

interface AuditPage {
  items: { id: number; actor_id: string | null; action: string; target: string | null; ip: string | null; created_at: string }[];
  next_cursor: string | null;
}

beforeAll(async () => {
  t = await createTestSchema();
  api = await startTestApi(t.namespace);
  // Two logins (audited) first, then entries written directly so the test knows the order.
  head = await signedInHead(t, api);
  agent = await signedInTeacher(t, api);
  const entry = (action: AuditAction, actorId: string, target: string) => ({
    actorId,
    actorEmail: 'x@school.org',
    action,
    target,
    details: {},
    ip: '10.0.0.7',
    userAgent: null,
  });
  for (let i = 1; i <= 5; i++) await insertAuditEntry(t.db, entry('chat.claimed', agent.user.id, `2782000000${i}`));
  await insertAuditEntry(t.db, entry('user.updated', head.user.id, agent.user.id));
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const audit = async (query: string): Promise<AuditPage> => {
  const res = await send(`${api.url}/api/admin/audit${query}`, { token: head.token });
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
};

describe('GET /api/admin/audit', () => {
  it('lists entries newest first with who, what, when and from where', async () => {
    const page = await audit('');
    expect(page.items.map((i) => i.action)).toEqual([
      'user.updated',
      ...Array<string>(5).fill('chat.claimed'),
      'auth.login_succeeded',
      'auth.login_succeeded',
    ]);
    expect(page.items[0]).toMatchObject({
      actor_id: head.user.id,
      target: agent.user.id,
      ip: '10.0.0.7',
      created_at: expect.stringMatching(/Z$/),
    });
    expect(page.items.at(-1)).toMatchObject({ actor_id: head.user.id, action: 'auth.login_succeeded' });
    expect(page.next_cursor).toBeNull();
  });

  it('pages through with the cursor without skipping or repeating an entry', async () => {
    const all = await audit('');
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: AuditPage = await audit(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
  });

  it('filters by actor and by action', async () => {
    const byAgent = await audit(`?actor_id=${agent.user.id}`);
    expect(byAgent.items.map((i) => i.action)).toEqual([...Array<string>(5).fill('chat.claimed'), 'auth.login_succeeded']);
    const claims = await audit('?action=chat.claimed&limit=2');
    expect(claims.items.map((i) => i.target)).toEqual(['27820000005', '27820000004']);
    expect(claims.next_cursor).not.toBeNull();
  });

  it('refuses an unknown action, a malformed cursor and a limit over 200 (400)', async () => {
    for (const query of ['?action=dropped.tables', '?cursor=abc', '?limit=201', '?actor_id=nobody']) {
      expect(await errorCodeOf(await send(`${api.url}/api/admin/audit${query}`, { token: head.token }))).toBe('invalid_request');
    }
  });

  it('answers 403 to an agent', async () => {
    expect(await errorCodeOf(await send(`${api.url}/api/admin/audit`, { token: agent.token }))).toBe('forbidden');
  });
});
