import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, pollUntil, type AdminSession } from '@app/testing';
import type { Page } from 'playwright-core';
import { goTo, openBrowser, screenshot, visible, type Browser } from './browser';
import { newAgentLogin, useConsoleSystem, VIEWPORTS } from './console-harness';

/*
 * Assignment in a real browser (Debian's Chromium through playwright-core), served by admin-api, against all
 * four services as processes and the fake Cloud API. An admin sets an agent's capacity and the auto-reassign
 * time on the Agents screen; the agent marks themselves available in the top bar and a student asking for
 * support is offered to them (the student told who joined); the admin transfers the chat to themselves (the
 * agent sees a notice), hands it back, and it is offered to the agent again; the agent signs out and is
 * offline. Each flow on a desktop and on a 390 px phone, each with its own agent and student.
 */
// Presence reported every half second, so an opened console counts within the test's patience.
const harness = useConsoleSystem({ PRESENCE_REPORT_INTERVAL_MS: '500' });
let api: AdminSession;
let adminId: string;

beforeAll(async () => {
  api = await harness.adminApi();
  adminId = ((await api.call('/api/admin/auth/me')).body.user as { id: string }).id;
});

const agentsNow = async () =>
  (await api.call('/api/admin/agents')).body.items as { id: string; availability: string; active_chats: number }[];

describe.each(VIEWPORTS)('assignment on a $name screen', ({ name, viewport }) => {
  let admin: Browser;
  let agent: Browser;
  const who = { ...newAgentLogin(`assign-${name}`), name: `Agent ${name}` };
  let agentId: string;
  const student = { phone: newPhone(), name: `Student ${name === 'desktop' ? 'Grace' : 'Hopper'}` };
  const thread = (page: Page) => page.getByRole('region', { name: `Conversation with ${student.name}` });

  beforeAll(async () => {
    agentId = await harness.createAgent({ email: who.email, password: who.password, display_name: who.name });
    admin = await openBrowser(viewport);
    agent = await openBrowser(viewport);
  }, 60_000);
  afterAll(async () => {
    await admin?.close();
    await agent?.close();
  });

  it("lets an admin set an agent's capacity and the auto-reassign time on the Agents screen", async () => {
    const page = admin.page;
    await harness.signIn(page);
    await goTo(page, 'Agents');
    const panel = page.getByRole('region', { name: 'Chat assignment' });
    await visible(panel);
    const capacity = panel.getByLabel(`Capacity of ${who.name}`);
    await capacity.fill('2');
    await capacity.locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
    await visible(panel.getByText('Saved.'));
    expect((await agentsNow()).find((a) => a.id === agentId)).toMatchObject({ active_chats: 0 });

    const reassign = panel.getByRole('form', { name: 'Auto-reassign' });
    await reassign.getByRole('checkbox').check();
    await reassign.getByLabel('Minutes before a chat is reassigned').fill('30');
    await reassign.getByRole('button', { name: 'Save' }).click();
    await visible(reassign.getByText('Saved.'));
    expect((await api.call('/api/admin/assignment-settings')).body).toEqual({ auto_reassign_after_seconds: 1800 });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, `assignment-agents-${name}`);
  });

  it('offers a waiting chat to the agent who is available, and tells the student who joined', async () => {
    const page = agent.page;
    await harness.signIn(page, who);
    const availability = page.getByRole('group', { name: /Your availability/ });
    await visible(availability);
    await availability.getByRole('button', { name: 'Available' }).click();
    await visible(availability.getByRole('button', { name: 'Available', pressed: true }));
    await screenshot(page, `assignment-topbar-${name}`);

    await harness.studentWrites(student.phone, 'support', student.name);
    await harness.toldStudent(student.phone, `${who.name} from the school team has joined`);
    await page.goto(harness.url(`/conversations/${student.phone}`));
    await visible(thread(page).getByText('In chat · you'));
    await screenshot(page, `assignment-offered-${name}`);
  });

  it('lets the admin transfer the chat to themselves, silently for the student; the agent sees a notice', async () => {
    const page = admin.page;
    await page.goto(harness.url(`/conversations/${student.phone}`));
    await visible(thread(page));
    // The admin's own console counts as present (away): they can be given the chat.
    await pollUntil(async () => (await agentsNow()).find((a) => a.id === adminId && a.availability !== 'offline'), {
      message: 'the admin present',
    });
    const toStudentBefore = harness.system.fake.accepted().filter((r) => r.body.to === student.phone).length;
    await thread(page).getByRole('button', { name: 'Transfer…' }).click();
    await thread(page).getByLabel('Transfer the chat to').selectOption(adminId);
    await thread(page).getByRole('button', { name: 'Transfer', exact: true }).click();
    await visible(thread(page).getByText('In chat · you'));
    await visible(thread(page).getByText(`Transferred from ${who.name} to admin.`));
    await screenshot(page, `assignment-transferred-${name}`);

    const notice = agent.page.getByRole('status').filter({ hasText: 'was moved to admin by admin' });
    await visible(notice);
    await screenshot(agent.page, `assignment-notice-${name}`);
    expect(harness.system.fake.accepted().filter((r) => r.body.to === student.phone)).toHaveLength(toStudentBefore);
  });

  it('hands the chat back: offered to the agent again; signing out makes the agent offline', async () => {
    const page = admin.page;
    await thread(page).getByRole('button', { name: 'Hand back' }).click();
    await visible(thread(agent.page).getByText('In chat · you'));
    expect(await harness.toldStudent(student.phone, `${who.name} from the school team has joined`, 2)).toHaveLength(2);

    await agent.page.getByRole('button', { name: 'Sign out' }).click();
    await visible(agent.page.getByRole('button', { name: 'Sign in' }));
    await pollUntil(async () => (await agentsNow()).find((a) => a.id === agentId && a.availability === 'offline'), {
      message: 'the agent offline',
    });
    // Auto-reassign back off, so the other screen size's flow starts from the default.
    expect((await api.call('/api/admin/assignment-settings', { method: 'PATCH', body: { auto_reassign_after_seconds: 0 } })).status).toBe(
      200,
    );
    expect(admin.pageErrors).toEqual([]);
    expect(agent.pageErrors).toEqual([]);
  });
});
