import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPhone } from '@app/testing';
import { JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';

// A small world with known answers, in Lagos time (UTC+1, no daylight saving): four chats in the week of
// Monday 2 March 2026, one of them asked at 23:30 UTC on the 2nd, which is the 3rd in Lagos, and one just
// after the range ends (Monday the 9th in Lagos). Every figure below is worked out by hand from these rows.
const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);

async function seed(h: EngineHarness) {
  const db = h.db;
  await sql`insert into office_hours (id, enabled, time_zone, weekly) values (1, false, 'Africa/Lagos', '{}')`.execute(db);
  const conversation = async () =>
    (
      await db
        .insertInto('conversations')
        .values({ phone_number: newPhone(), bot_state: '{"step":"menu"}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const [a, b, c] = [await conversation(), await conversation(), await conversation()];
  const exams = randomUUID();
  const fees = randomUUID();
  await db
    .insertInto('labels')
    .values([
      { id: exams, name: 'Exams', colour: '#aa0000', created_by: MARY.id },
      { id: fees, name: 'Fees', colour: '#00aa00', created_by: MARY.id },
    ])
    .execute();
  await db
    .insertInto('conversation_labels')
    .values([
      { conversation_id: a, label_id: exams, added_by: MARY.id },
      { conversation_id: b, label_id: exams, added_by: MARY.id },
      { conversation_id: c, label_id: fees, added_by: MARY.id },
    ])
    .execute();

  const chat = async (o: {
    conversation: string;
    asked: Date;
    agent?: { id: string; name: string };
    claimAfter?: number;
    respondAfter?: number;
    endAfter: number;
    outside?: boolean;
    rating?: number;
    by?: 'student' | 'agent';
  }) => {
    const row = await db
      .insertInto('support_chats')
      .values({
        conversation_id: o.conversation,
        status: 'ended',
        requested_at: o.asked,
        requested_by: 'student',
        assigned_admin_id: o.agent?.id ?? null,
        assigned_admin_name: o.agent?.name ?? null,
        claimed_at: o.claimAfter === undefined ? null : at(o.asked.toISOString(), o.claimAfter),
        first_response_at:
          o.respondAfter === undefined || o.claimAfter === undefined ? null : at(o.asked.toISOString(), o.claimAfter + o.respondAfter),
        ended_at: at(o.asked.toISOString(), o.endAfter),
        ended_by: o.by ?? 'agent',
        end_reason: o.by ?? 'agent',
        arrived_outside_hours: o.outside ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (o.rating)
      await db
        .insertInto('support_chat_csat')
        .values({ chat_id: row.id, conversation_id: o.conversation, asked_at: o.asked, rating: o.rating, rated_at: o.asked })
        .execute();
  };
  await chat({
    conversation: a,
    asked: at('2026-03-02T08:00:00Z'),
    agent: MARY,
    claimAfter: 60,
    respondAfter: 30,
    endAfter: 600,
    rating: 5,
  });
  await chat({
    conversation: b,
    asked: at('2026-03-02T22:30:00Z'),
    agent: JOHN,
    claimAfter: 180,
    respondAfter: 90,
    endAfter: 1200,
    outside: true,
    rating: 2,
  });
  await chat({
    conversation: c,
    asked: at('2026-03-02T23:30:00Z'),
    agent: MARY,
    claimAfter: 120,
    respondAfter: 60,
    endAfter: 900,
    rating: 4,
  });
  await chat({ conversation: a, asked: at('2026-03-04T10:00:00Z'), endAfter: 300, outside: true, by: 'student' });
  await chat({
    conversation: b,
    asked: at('2026-03-08T23:30:00Z'),
    agent: JOHN,
    claimAfter: 10,
    respondAfter: 10,
    endAfter: 60,
    rating: 1,
  });

  const message = (o: {
    conversation: string;
    at: Date;
    direction: 'inbound' | 'outbound';
    author: 'student' | 'bot' | 'agent';
    agent?: { id: string; name: string };
    type?: string;
    error?: { code: number; title: string };
  }) =>
    ({
      id: randomUUID(),
      conversation_id: o.conversation,
      direction: o.direction,
      author: o.author,
      type: o.type ?? 'text',
      text: 'x',
      content: JSON.stringify({ kind: 'text', body: 'x' }),
      wamid: null,
      status: o.error ? 'failed' : o.direction === 'inbound' ? 'received' : 'delivered',
      error: o.error ? JSON.stringify(o.error) : null,
      agent_id: o.agent?.id ?? null,
      agent_name: o.agent?.name ?? null,
      correlation_id: null,
      pricing_type: null,
      pricing_category: null,
      priced_at: null,
      retry_reason: null,
      retry_code: null,
      retry_attempt: null,
      next_attempt_at: null,
      created_at: o.at,
    }) as const;
  const student = (conversation: string, iso: string) => message({ conversation, at: at(iso), direction: 'inbound', author: 'student' });
  await db
    .insertInto('messages')
    .values([
      student(a, '2026-03-02T08:05:00Z'),
      student(a, '2026-03-02T08:06:00Z'),
      student(a, '2026-03-02T08:07:00Z'),
      student(b, '2026-03-02T22:35:00Z'),
      student(b, '2026-03-02T22:36:00Z'),
      student(c, '2026-03-02T23:40:00Z'),
      message({ conversation: a, at: at('2026-03-02T08:01:30Z'), direction: 'outbound', author: 'agent', agent: MARY }),
      message({
        conversation: a,
        at: at('2026-03-02T08:08:00Z'),
        direction: 'outbound',
        author: 'agent',
        agent: MARY,
        error: { code: 131047, title: 'Re-engagement message' },
      }),
      message({ conversation: a, at: at('2026-03-02T08:10:00Z'), direction: 'outbound', author: 'bot' }),
      message({ conversation: a, at: at('2026-03-02T08:09:00Z'), direction: 'outbound', author: 'agent', agent: MARY, type: 'note' }),
      message({
        conversation: b,
        at: at('2026-03-02T22:36:30Z'),
        direction: 'outbound',
        author: 'agent',
        agent: JOHN,
        error: { code: 131026, title: 'Message undeliverable' },
      }),
      student(b, '2026-03-08T23:31:00Z'),
    ])
    .execute();
  return { exams, fees };
}

const EMPTY = {
  chats: 0,
  chats_ended: 0,
  messages_in: 0,
  messages_out: 0,
  waiting_median_seconds: null,
  waiting_p90_seconds: null,
  first_response_median_seconds: null,
  first_response_p90_seconds: null,
  resolution_median_seconds: null,
  resolution_p90_seconds: null,
  csat_responses: 0,
  csat_average: null,
  csat_distribution: [0, 0, 0, 0, 0],
  outside_hours_chats: 0,
  failed_sends: 0,
};

describe('support reports over a seeded data set with known answers', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let labels: { exams: string; fees: string };
  useEngineWithAdmin((world) => ({ h, admin } = world), { once: true });
  beforeAll(async () => {
    labels = await seed(h);
  });

  const report = (query: { bucket?: 'day' | 'week'; by?: 'overall' | 'agent' | 'label'; from?: string; to?: string }) =>
    admin.ok('report', { actor: MARY, from: '2026-03-02', to: '2026-03-08', ...query });

  it('adds up the whole range, with true medians and 90th percentiles, in the school’s time zone', async () => {
    const r = await report({ bucket: 'day' });
    expect(r).toMatchObject({
      from: '2026-03-02',
      to: '2026-03-08',
      bucket: 'day',
      by: 'overall',
      time_zone: 'Africa/Lagos',
      omitted_groups: 0,
    });
    expect(r.groups).toHaveLength(1);
    const [all] = r.groups;
    expect(all).toMatchObject({ key: 'all', name: 'All chats' });
    expect(all!.totals).toEqual({
      chats: 4,
      chats_ended: 4,
      messages_in: 6,
      messages_out: 4,
      waiting_median_seconds: 120,
      waiting_p90_seconds: 168,
      first_response_median_seconds: 60,
      first_response_p90_seconds: 84,
      resolution_median_seconds: 750,
      resolution_p90_seconds: 1110,
      csat_responses: 3,
      csat_average: 3.67,
      csat_distribution: [0, 1, 0, 1, 1],
      outside_hours_chats: 2,
      failed_sends: 2,
    });
    expect(all!.failed_by_reason).toEqual([
      { code: 131026, title: 'Message undeliverable', count: 1 },
      { code: 131047, title: 'Re-engagement message', count: 1 },
    ]);
    expect(all!.buckets.map((b) => b.start)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    const [mon, tue, wed, ...rest] = all!.buckets;
    expect(mon).toMatchObject({
      chats: 2,
      messages_in: 5,
      messages_out: 4,
      failed_sends: 2,
      waiting_median_seconds: 120,
      waiting_p90_seconds: 168,
      csat_distribution: [0, 1, 0, 0, 1],
      outside_hours_chats: 1,
    });
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in Lagos.
    expect(tue).toMatchObject({
      chats: 1,
      messages_in: 1,
      messages_out: 0,
      waiting_median_seconds: 120,
      first_response_median_seconds: 60,
      resolution_median_seconds: 900,
      csat_average: 4,
    });
    expect(wed).toMatchObject({
      chats: 1,
      waiting_median_seconds: null,
      resolution_median_seconds: 300,
      outside_hours_chats: 1,
      csat_responses: 0,
    });
    for (const quiet of rest) expect(quiet).toEqual({ ...EMPTY, start: quiet.start });
  });

  it('buckets by ISO week', async () => {
    const r = await report({ bucket: 'week', from: '2026-03-04', to: '2026-03-09' });
    expect(r.groups[0]!.buckets.map((b) => [b.start, b.chats])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-09', 1],
    ]);
  });

  it('splits the figures per agent', async () => {
    const r = await report({ by: 'agent', bucket: 'week' });
    expect(
      r.groups.map((g) => [g.key, g.name, g.totals.chats, g.totals.messages_in, g.totals.messages_out, g.totals.failed_sends]),
    ).toEqual([
      [MARY.id, MARY.name, 2, 4, 2, 1],
      [JOHN.id, JOHN.name, 1, 2, 1, 1],
      [null, 'No agent', 1, 0, 0, 0],
    ]);
    const mary = r.groups[0]!;
    expect(mary.totals).toMatchObject({
      waiting_median_seconds: 90,
      first_response_median_seconds: 45,
      csat_average: 4.5,
      csat_distribution: [0, 0, 0, 1, 1],
    });
    expect(mary.failed_by_reason).toEqual([{ code: 131047, title: 'Re-engagement message', count: 1 }]);
  });

  it('splits the figures per label', async () => {
    const r = await report({ by: 'label', bucket: 'week' });
    expect(
      r.groups.map((g) => [g.key, g.name, g.totals.chats, g.totals.messages_in, g.totals.messages_out, g.totals.outside_hours_chats]),
    ).toEqual([
      [labels.exams, 'Exams', 3, 5, 4, 2],
      [labels.fees, 'Fees', 1, 1, 0, 0],
    ]);
  });

  it('refuses a range backwards, longer than a year, or by day per agent beyond a quarter', async () => {
    const refused = async (query: Record<string, unknown>) => admin.raw('reports.support', { actor: MARY, ...query });
    expect(await refused({ from: '2026-03-08', to: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await refused({ from: '2025-01-01', to: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await refused({ from: '2026-01-01', to: '2026-06-01', by: 'agent', bucket: 'day' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await refused({ from: '2026-02-30', to: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await refused({ from: '2026-01-01', to: '2026-06-01', by: 'agent', bucket: 'week' })).toMatchObject({ ok: true });
  });
});
