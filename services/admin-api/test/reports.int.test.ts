import { beforeAll, describe, expect, it } from 'vitest';
import type { CsatSettings, Report, ReportFigures } from '@app/contracts';
import type { RunningAdminApi } from '../src/admin-api';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { errorCodeOf, send, signedInHead, signedInTeacher, type SignedInUser, type TestSchema } from './harness';

const FIGURES: ReportFigures = {
  chats: 3,
  chats_ended: 2,
  messages_in: 10,
  messages_out: 7,
  waiting_median_seconds: 120,
  waiting_p90_seconds: 300,
  first_response_median_seconds: 45,
  first_response_p90_seconds: 90,
  resolution_median_seconds: 900,
  resolution_p90_seconds: 1800,
  csat_responses: 2,
  csat_average: 4.5,
  csat_distribution: [0, 0, 0, 1, 1],
  outside_hours_chats: 1,
  failed_sends: 1,
};
const group = (key: string | null, name: string) => ({
  key,
  name,
  totals: FIGURES,
  buckets: [{ start: '2026-03-02', ...FIGURES }],
  failed_by_reason: [{ code: 131026, title: 'Message undeliverable', count: 1 }],
});
const WORDING: CsatSettings['texts'] = {
  question: 'How did it go?',
  button: 'Rate',
  rating_5: 'Excellent',
  rating_4: 'Good',
  rating_3: 'OK',
  rating_2: 'Poor',
  rating_1: 'Very poor',
  comment_prompt: 'Tell us more?',
  thanks: 'Thanks!',
};

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let admin: SignedInUser;
let agent: SignedInUser;
let settings: CsatSettings = { enabled: false, texts: WORDING };

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  admin = await signedInHead(t, api);
  agent = await signedInTeacher(t, api);
  await engine.answer('report', (r) => ({
    ok: true,
    data: {
      from: r.from,
      to: r.to,
      bucket: r.bucket,
      by: r.by,
      time_zone: 'Africa/Lagos',
      groups:
        r.by === 'agent'
          ? [group(admin.user.id, 'Head'), group(agent.user.id, 'Ms Khumalo'), group(null, 'No agent')]
          : [group('all', 'All chats')],
      omitted_groups: 0,
    },
  }));
  await engine.answer('getCsatSettings', () => ({ ok: true, data: settings }));
  await engine.answer('setCsatSettings', (r) => {
    settings = r.settings;
    return { ok: true, data: settings };
  });
});

const url = (path: string) => `${api.url}/api/admin${path}`;

describe('GET /api/admin/reports', () => {
  it('answers the engine’s report for the range, by day overall unless asked otherwise', async () => {
    const res = await send(url('/reports?from=2026-03-02&to=2026-03-08'), { token: admin.token });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report).toMatchObject({ bucket: 'day', by: 'overall', groups: [{ key: 'all', totals: FIGURES }] });
    expect(engine.received.at(-1)).toMatchObject({
      name: 'report',
      valid: true,
      body: { from: '2026-03-02', to: '2026-03-08', bucket: 'day', by: 'overall', actor: { id: admin.user.id } },
    });
  });

  it('shows admins every agent, and an agent only their own line', async () => {
    const asAdmin = (await (
      await send(url('/reports?from=2026-03-02&to=2026-03-08&bucket=week&by=agent'), { token: admin.token })
    ).json()) as Report;
    expect(asAdmin.groups.map((g) => g.name)).toEqual(['Head', 'Ms Khumalo', 'No agent']);
    const asAgent = (await (
      await send(url('/reports?from=2026-03-02&to=2026-03-08&bucket=week&by=agent'), { token: agent.token })
    ).json()) as Report;
    expect(asAgent.groups.map((g) => g.key)).toEqual([agent.user.id]);
    expect(asAgent.omitted_groups).toBe(2);
  });

  it('answers the same figures as CSV with format=csv', async () => {
    const res = await send(url('/reports?from=2026-03-02&to=2026-03-02&format=csv'), { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="support-report-overall-day-2026-03-02-2026-03-02.csv"');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(',').slice(0, 5)).toEqual(['group_key', 'group_name', 'bucket_start', 'chats', 'chats_ended']);
    expect(lines[1]).toBe('all,All chats,2026-03-02,3,2,10,7,120,300,45,90,900,1800,2,4.5,1,1,0,0,0,1,1');
    expect(lines[2]).toBe('all,All chats,total,3,2,10,7,120,300,45,90,900,1800,2,4.5,1,1,0,0,0,1,1');
  });

  it('answers 400 for a range the engine would not take, without asking it', async () => {
    const before = engine.received.length;
    for (const query of [
      '',
      'from=2026-03-08&to=2026-03-02',
      'from=2025-01-01&to=2026-03-02',
      'from=2026-01-01&to=2026-06-01&by=label',
      'from=2026-03-02&to=2026-03-08&bucket=month',
      'from=2026-03-02&to=2026-03-08&format=xlsx',
      'from=yesterday&to=2026-03-08',
    ]) {
      const res = await send(url(`/reports?${query}`), { token: admin.token });
      expect(res.status, query).toBe(400);
      expect(await errorCodeOf(res)).toBe('invalid_request');
    }
    expect(engine.received.length).toBe(before);
  });
});

describe('/api/admin/csat/settings', () => {
  it('lets an admin read and replace the survey settings, audited', async () => {
    expect(await (await send(url('/csat/settings'), { token: admin.token })).json()).toEqual({ enabled: false, texts: WORDING });
    const res = await send(url('/csat/settings'), {
      method: 'PUT',
      token: admin.token,
      body: { enabled: true, texts: { ...WORDING, question: '  How was your chat?  ' } },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true, texts: { ...WORDING, question: 'How was your chat?' } });
    const [audit] = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'csat.settings_updated').execute();
    expect(audit).toMatchObject({ actor_id: admin.user.id, details: { outcome: 'ok', enabled: true } });
  });

  it('refuses agents and wording over WhatsApp limits', async () => {
    expect((await send(url('/csat/settings'), { token: agent.token })).status).toBe(403);
    expect(
      (await send(url('/csat/settings'), { method: 'PUT', token: agent.token, body: { enabled: false, texts: WORDING } })).status,
    ).toBe(403);
    const before = engine.received.length;
    for (const texts of [
      { ...WORDING, rating_2: 'x'.repeat(25) },
      { ...WORDING, button: 'x'.repeat(21) },
      { ...WORDING, thanks: '   ' },
      { question: 'Only this' },
    ]) {
      expect((await send(url('/csat/settings'), { method: 'PUT', token: admin.token, body: { enabled: true, texts } })).status).toBe(400);
    }
    expect(engine.received.length).toBe(before);
  });
});
