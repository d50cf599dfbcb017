import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, sql, type Kysely } from '@app/db';
import { newPhone, testInfra } from '@app/testing';
import type { Locator, Page } from 'playwright-core';
import { goTo, openBrowser, screenshot, visible, type Browser } from './browser';
import { useConsoleSystem, VIEWPORTS } from './console-harness';

/*
 * The Reports screen in a real browser (Debian's Chromium through playwright-core), served by admin-api,
 * against all four services as processes. A week of support (2-8 March 2026, UTC: the school set no office
 * hours) is written straight into the engine's tables, with figures known by hand; the screen's charts
 * (Chart.js, read back from each chart instance through the canvas's data-series) must show exactly the
 * numbers of the tables beside them, and those must be the known ones. Then per agent by week, the CSV
 * download, and the survey's settings. On a desktop and on a 390 px phone.
 */
const MARY = { id: 'agent-mary', name: 'Mary Jones' };
const JOHN = { id: 'agent-john', name: 'John Smith' };
/** What the charts of each report say they drew (reports-page.tsx: range, bucket, grouping, group shown). */
const OVERALL = '2026-03-02/2026-03-08/day/overall/all';
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];

const harness = useConsoleSystem();
let engineDb: Kysely<object>;

const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);

async function seed(db: Kysely<object>) {
  const conversation = async () =>
    (
      await sql<{
        id: string;
      }>`insert into conversations (phone_number, bot_state) values (${newPhone()}, '{"step":"menu"}') returning id`.execute(db)
    ).rows[0]!.id;
  const [a, b, c] = [await conversation(), await conversation(), await conversation()];
  const chat = async (o: {
    conversation: string;
    asked: string;
    agent?: { id: string; name: string };
    claim?: number;
    respond?: number;
    end: number;
    outside?: boolean;
    rating?: number;
  }) => {
    const asked = at(o.asked);
    const claimed = o.claim === undefined ? null : at(o.asked, o.claim);
    const responded = o.claim === undefined || o.respond === undefined ? null : at(o.asked, o.claim + o.respond);
    const { rows } = await sql<{ id: string }>`
      insert into support_chats (conversation_id, status, requested_at, requested_by, assigned_admin_id, assigned_admin_name, claimed_at, first_response_at, ended_at, ended_by, end_reason, arrived_outside_hours)
      values (${o.conversation}, 'ended', ${asked}, 'student', ${o.agent?.id ?? null}, ${o.agent?.name ?? null}, ${claimed}, ${responded}, ${at(o.asked, o.end)}, 'agent', 'agent', ${o.outside ?? false})
      returning id`.execute(db);
    if (o.rating)
      await sql`insert into support_chat_csat (chat_id, conversation_id, asked_at, rating, rated_at) values (${rows[0]!.id}, ${o.conversation}, ${asked}, ${o.rating}, ${asked})`.execute(
        db,
      );
  };
  await chat({ conversation: a, asked: '2026-03-02T08:00:00Z', agent: MARY, claim: 60, respond: 30, end: 600, rating: 5 });
  await chat({ conversation: b, asked: '2026-03-02T22:30:00Z', agent: JOHN, claim: 180, respond: 90, end: 1200, outside: true, rating: 2 });
  await chat({ conversation: c, asked: '2026-03-03T09:00:00Z', agent: MARY, claim: 120, respond: 60, end: 900, rating: 4 });
  await chat({ conversation: a, asked: '2026-03-04T10:00:00Z', end: 300, outside: true });
  const message = (conversationId: string, iso: string, direction: 'inbound' | 'outbound', agent?: { id: string; name: string }) =>
    sql`insert into messages (id, conversation_id, direction, author, type, text, content, status, agent_id, agent_name, created_at)
      values (${randomUUID()}, ${conversationId}, ${direction}, ${direction === 'inbound' ? 'student' : agent ? 'agent' : 'bot'}, 'text', 'x', '{}', ${direction === 'inbound' ? 'received' : 'delivered'}, ${agent?.id ?? null}, ${agent?.name ?? null}, ${at(iso)})`.execute(
      db,
    );
  await message(a, '2026-03-02T08:05:00Z', 'inbound');
  await message(a, '2026-03-02T08:06:00Z', 'outbound', MARY);
  await message(b, '2026-03-02T22:35:00Z', 'inbound');
  await message(c, '2026-03-03T09:05:00Z', 'inbound');
  await message(c, '2026-03-03T09:06:00Z', 'outbound', MARY);
  await message(c, '2026-03-03T09:07:00Z', 'outbound');
}

beforeAll(async () => {
  engineDb = createDb<object>({ url: testInfra.databaseUrl, schema: harness.system.engineSchema, max: 2 });
  await seed(engineDb);
});

afterAll(async () => {
  await engineDb?.destroy();
});

/** The series the Chart.js instance behind a canvas holds (written from the instance once it is drawn). */
async function chartOf(
  page: Page,
  title: string,
  drawn: string,
): Promise<{ labels: string[]; series: { label: string; data: (number | null)[] }[] }> {
  const canvas = page.locator(`canvas[data-chart="${title}"][data-drawn="${drawn}"]`);
  await visible(canvas);
  return {
    labels: JSON.parse((await canvas.getAttribute('data-labels')) ?? '[]'),
    series: JSON.parse((await canvas.getAttribute('data-series')) ?? '[]'),
  };
}

/** A table column's raw values, row by row (data-value: '' for a figure not measured). */
async function columnOf(table: Locator, column: string): Promise<(number | null)[]> {
  const values = await table
    .locator(`tbody td[data-column="${column}"]`)
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value') ?? ''));
  return values.map((v) => (v === '' ? null : Number(v)));
}

async function showReport(page: Page, query: { bucket: 'Day' | 'Week'; group: 'Overall' | 'Per agent' }) {
  const form = page.getByRole('form', { name: 'Report range' });
  await form.getByLabel('From', { exact: true }).fill('2026-03-02');
  await form.getByLabel('To', { exact: true }).fill('2026-03-08');
  await form.getByLabel('By', { exact: true }).selectOption({ label: query.bucket });
  await form.getByLabel('Group', { exact: true }).selectOption({ label: query.group });
  await form.getByRole('button', { name: 'Show' }).click();
}

describe.each(VIEWPORTS)('reports on a $name screen', ({ name, viewport }) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
    await harness.signIn(page);
    await goTo(page, 'Reports');
    await visible(page.getByRole('heading', { name: 'Reports' }));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws charts that show exactly the numbers of the table beside them, and those are the known figures', async () => {
    await showReport(page, { bucket: 'Day', group: 'Overall' });
    const table = page.getByRole('table', { name: 'All chats by day' });
    await visible(table.locator('tr[data-bucket="2026-03-08"]'));

    const chats = await chartOf(page, 'Chats', OVERALL);
    expect(chats.labels).toEqual(DAYS);
    expect(chats.series).toEqual([{ label: 'All chats', data: await columnOf(table, 'chats') }]);
    expect(chats.series[0]!.data).toEqual([2, 1, 1, 0, 0, 0, 0]);

    const times = await chartOf(page, 'Median times, All chats (minutes)', OVERALL);
    expect(times.series.map((s) => s.label)).toEqual(['Waiting, median', 'First response, median', 'Resolution, median']);
    expect(times.series[0]!.data).toEqual(await columnOf(table, 'waiting_median'));
    expect(times.series[1]!.data).toEqual(await columnOf(table, 'first_response_median'));
    expect(times.series[2]!.data).toEqual(await columnOf(table, 'resolution_median'));
    // 2 March: waited 60 s and 180 s (median 2 min); resolved in 600 s and 1200 s (median 15 min).
    expect([times.series[0]!.data[0], times.series[2]!.data[0]]).toEqual([2, 15]);

    const messages = await chartOf(page, 'Messages, All chats', OVERALL);
    expect(messages.series[0]!.data).toEqual(await columnOf(table, 'messages_in'));
    expect(messages.series[1]!.data).toEqual(await columnOf(table, 'messages_out'));
    expect(messages.series.map((s) => s.data.slice(0, 2))).toEqual([
      [2, 1],
      [1, 2],
    ]);

    const csat = await chartOf(page, 'Satisfaction, All chats', OVERALL);
    const totals = page.getByRole('table', { name: 'Totals' });
    expect(csat.series[0]!.data.join(' / ')).toBe(await totals.locator('td[data-column="csat_distribution"]').innerText());
    expect(csat.series[0]!.data).toEqual([0, 1, 0, 1, 1]);
    expect(await columnOf(totals, 'csat_average')).toEqual([3.67]);
    expect(await columnOf(totals, 'outside_hours')).toEqual([2]);
    // Charts and tables fit the screen: the tables scroll sideways inside their cards, never the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `reports-overall-by-day-${name}`);
  });

  it('shows each agent as a series of the chats chart and a line of the totals', async () => {
    await showReport(page, { bucket: 'Week', group: 'Per agent' });
    const totals = page.getByRole('table', { name: 'Totals' });
    await visible(totals.locator(`tr[data-group="${MARY.id}"]`));
    const chats = await chartOf(page, 'Chats', `2026-03-02/2026-03-08/week/agent/${MARY.id}`);
    expect(chats.labels).toEqual(['2026-03-02']);
    const names = await totals.locator('tbody th[scope="row"]').allInnerTexts();
    expect(names).toEqual(['Mary Jones', 'John Smith', 'No agent']);
    expect(chats.series.map((s) => s.label)).toEqual(names);
    expect(chats.series.map((s) => s.data[0])).toEqual(await columnOf(totals, 'chats'));
    expect(await columnOf(totals, 'chats')).toEqual([2, 1, 1]);
    expect(await columnOf(totals, 'messages_out')).toEqual([2, 0, 0]);
    await screenshot(page, `reports-per-agent-by-week-${name}`);
  });

  it('downloads the same figures as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('support-report-agent-week-2026-03-02-2026-03-08.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^group_key,group_name,bucket_start,chats,/);
    expect(lines.filter((l) => l.includes(',total,')).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      `${MARY.id},Mary Jones,total,2`,
      `${JOHN.id},John Smith,total,1`,
      ',No agent,total,1',
    ]);
  });

  it('lets an admin turn the satisfaction survey on and reword it', async () => {
    const form = page.getByRole('form', { name: 'Satisfaction survey' });
    await visible(form);
    await form.getByLabel('Question').fill(`How did we do? (${name})`);
    const enabled = form.getByRole('checkbox', { name: /Ask students how it went/ });
    if (!(await enabled.isChecked())) await enabled.check();
    await form.getByRole('button', { name: 'Save survey' }).click();
    await visible(form.getByText('Saved.'));
    await form.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `reports-survey-settings-${name}`);
    const session = await harness.adminApi();
    const settings = await session.call('/api/admin/csat/settings');
    expect(settings.body).toMatchObject({ enabled: true, texts: { question: `How did we do? (${name})` } });
  });
});
