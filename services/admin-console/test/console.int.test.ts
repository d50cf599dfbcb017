import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInboundWebhook, buildStatus, buildTextMessage, newBsuid, newPhone, pollUntil } from '@app/testing';
import type { Page } from 'playwright-core';
import { goTo, gone, openBrowser, screenshot, visible, type Browser } from './browser';
import { liveOpen, newAgentLogin, SCREENS, submitLogin, useConsoleSystem } from './console-harness';

/*
 * The admin console in a real browser (Debian's Chromium through playwright-core), served by admin-api,
 * against all four services as processes and the fake Cloud API. Students write through signed webhooks.
 * Each flow runs on a desktop screen and on a 360 px phone, where the list and the thread take turns.
 */
const XSS = '<img src=x onerror=alert(1)>';

const harness = useConsoleSystem();

/**
 * A student who adopted a username and withholds their number writes: the payload names them by user id
 * only (no `from`, no `wa_id`), and their contact has a username but no profile name, so the console has
 * nothing but the username and the user id to show them by.
 */
async function usernameOnlyStudentWrites(userId: string, username: string, text: string) {
  const payload = buildInboundWebhook({ messages: [buildTextMessage({ from_user_id: userId, text })], username });
  for (const entry of payload.entry) {
    for (const change of entry.changes)
      for (const contact of change.value.contacts ?? []) delete (contact.profile as { name?: string }).name;
  }
  expect(JSON.stringify(payload)).not.toMatch(/"(from|wa_id|name)":/);
  await harness.postWebhook(payload);
}

/** The Cloud API request that carried `text` to `phone`, once the fake accepted it. */
const sentText = (phone: string, text: string) =>
  pollUntil(
    () => harness.system.fake.accepted().find((r) => r.body.to === phone && (r.body.text as { body?: string } | undefined)?.body === text),
    {
      message: `"${text}" at the Cloud API`,
      timeoutMs: 15_000,
    },
  );

const VIEWPORTS = [
  { name: 'desktop', viewport: SCREENS.desktop, phone: false },
  { name: 'phone', viewport: SCREENS.smallPhone, phone: true },
] as const;

describe.each(VIEWPORTS)('the admin console on a $name screen', ({ name, viewport, phone: narrow }) => {
  let browser: Browser;
  let page: Page;
  const student = { phone: newPhone(), name: `Ada ${name === 'desktop' ? 'Lovelace' : 'Byron'}` };
  const row = () => page.locator(`a.conversation-row[data-phone="${student.phone}"]`);
  const thread = () => page.getByRole('region', { name: `Conversation with ${student.name}` });
  const banner = () => page.locator('.waiting-banner');

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('signs an admin in and shows the dashboard', async () => {
    await harness.signIn(page);
    await liveOpen(page);
    // Folded behind the Menu button on a phone: read hidden links too.
    const offered = await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { includeHidden: true }).allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['Dashboard', 'Conversations', 'Agents', 'Audit log', 'Parked events']));
    expect(offered.slice(0, 2)).toEqual(['Dashboard', 'Conversations']);
  });

  it('shows a student who asks for support within a second, without a reload, with the waiting banner', async () => {
    await goTo(page, 'Conversations');
    await visible(page.getByRole('heading', { name: 'Conversations' }));
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    await harness.studentWrites(student.phone, 'support', student.name);
    await visible(row(), 1_000);
    await visible(row().getByText('Waiting for support'), 1_000);
    expect(await row().textContent()).toContain(student.name);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

    await visible(banner());
    expect(await banner().textContent()).toMatch(/waiting for support/);
    await banner().getByRole('link', { name: 'Show waiting chats' }).click();
    await visible(page.getByRole('button', { name: 'Waiting', pressed: true }));
    await visible(row());
  });

  it('opens the thread, claims the chat and sends with Enter; the tick turns to read with the status webhook', async () => {
    await row().click();
    await visible(thread());
    if (narrow) expect(await page.locator('.list-pane').isVisible()).toBe(false);
    await visible(thread().getByRole('log').getByText('support', { exact: true }));

    await thread().getByRole('button', { name: 'Claim chat' }).click();
    await visible(thread().getByText('In chat · you'));
    await gone(banner());

    const text = `Hello ${student.name}, how can I help?`;
    const box = thread().getByLabel(`Message to ${student.name}`);
    await box.fill(text);
    await box.press('Enter');
    const mine = thread().locator('li.message', { hasText: text });
    await visible(mine);
    await expect.poll(() => box.inputValue()).toBe('');

    const request = await sentText(student.phone, text);
    expect(harness.system.fake.accepted().filter((r) => (r.body.text as { body?: string } | undefined)?.body === text)).toHaveLength(1);
    await visible(mine.getByRole('img', { name: 'Sent' }));
    for (const status of ['delivered', 'read']) {
      await harness.postWebhook(
        buildInboundWebhook({ statuses: [buildStatus({ id: request.wamid!, status, recipientId: student.phone })] }),
      );
    }
    await visible(mine.getByRole('img', { name: 'Read' }));
    if (!narrow) {
      // Beside the thread, every conversation (the waiting filter is empty now that the chat is claimed).
      await page.getByRole('button', { name: 'All', exact: true }).click();
      await visible(row().getByText('In chat · you'));
    }
    await screenshot(page, `conversations-${name}`);
  });

  it("shows a student's markup as plain text and runs none of it", async () => {
    await harness.studentWrites(student.phone, XSS, student.name);
    await visible(thread().getByRole('log').getByText(XSS, { exact: true }));
    expect(await thread().getByRole('log').locator('img').count()).toBe(0);
    expect(browser.dialogs).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    // admin-api's Content-Security-Policy lets the console run as built: nothing of it was refused.
    expect(browser.consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('sends a draft to login with the session and back, still typed', async () => {
    const draft = 'A draft that outlives the session';
    await thread().getByLabel(`Message to ${student.name}`).fill(draft);
    // The token is refused (as an expired one is) on the next call the console makes.
    await page.route('**/api/admin/conversations/*/read', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unauthorized', message: 'token expired' } }),
      }),
    );
    await harness.studentWrites(student.phone, 'are you there?', student.name);
    // The whole path (webhook, engine, live event, the console's read call) before the refusal: allow for a busy machine.
    await visible(page.getByText(/Your session expired/), 30_000);
    await page.unroute('**/api/admin/conversations/*/read');
    await submitLogin(page);
    await visible(thread());
    expect(await thread().getByLabel(`Message to ${student.name}`).inputValue()).toBe(draft);
    expect(new URL(page.url()).pathname).toBe(`/conversations/${student.phone}`);
  });

  it('ends the chat after a confirmation, and the student is told', async () => {
    await thread().getByRole('button', { name: 'End chat' }).click();
    const dialog = page.getByRole('alertdialog');
    await visible(dialog);
    const endedAt = Date.now();
    await dialog.getByRole('button', { name: 'Yes, end chat' }).click();
    await visible(thread().getByRole('button', { name: 'Start chat' }));
    await gone(thread().getByText('In chat · you'));
    expect(await thread().getByLabel(`Message to ${student.name}`).isDisabled()).toBe(true);
    // What the engine says on ending (the menu, or the registration question for a student not registered yet).
    await pollUntil(() => harness.system.fake.accepted().some((r) => r.body.to === student.phone && r.receivedAt >= endedAt), {
      message: 'the end of the chat at the Cloud API',
    });
    expect(browser.pageErrors).toEqual([]);
  });

  if (narrow) {
    it('goes back from the thread to the list on a phone', async () => {
      await thread().getByRole('button', { name: 'Back to conversations' }).click();
      await visible(page.locator('.list-pane'));
      await page.getByRole('button', { name: 'All', exact: true }).click();
      await visible(row());
      expect(await thread().isVisible()).toBe(false);
      await screenshot(page, 'conversations-phone-list');
    });
  }
});

/*
 * A student WhatsApp names only by business-scoped user id (they adopted a username and withhold their number):
 * the console lists them by @username, opens their thread at /conversations/<user id>, and every call it makes
 * for them names them by that id. On a desktop and on a 390 px phone.
 */
const USERNAME_VIEWPORTS = [
  { name: 'desktop', viewport: SCREENS.desktop, phone: false },
  { name: 'phone-390', viewport: SCREENS.phone, phone: true },
] as const;

describe.each(USERNAME_VIEWPORTS)('a username-only student in the admin console on a $name screen', ({ name, viewport, phone: narrow }) => {
  let browser: Browser;
  let page: Page;
  const student = { userId: newBsuid(), username: `thandi_${name.replace(/\W/g, '_')}` };
  const handle = `@${student.username}`;
  const row = () => page.locator(`a.conversation-row[data-user-id="${student.userId}"]`);
  const thread = () => page.getByRole('region', { name: `Conversation with ${handle}` });

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
    await page.goto(harness.url('/conversations'));
    await submitLogin(page);
    await visible(page.getByRole('heading', { name: 'Conversations' }));
    await liveOpen(page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the student live by @username, with their user id and no phone', async () => {
    await usernameOnlyStudentWrites(student.userId, student.username, 'support');
    // The whole path (gateway, engine, live event) on a machine other services share: allow for it.
    await visible(row(), 15_000);
    await visible(row().getByText('Waiting for support'));
    expect(await row().locator('.row-name').textContent()).toBe(handle);
    expect(await row().locator('.row-phone').textContent()).toBe(student.userId);
    expect(await row().getAttribute('data-phone')).toBeNull();
    expect(await row().getAttribute('href')).toBe(`/conversations/${student.userId}`);
  });

  it('finds the student by their username in the search box', async () => {
    await page.getByLabel('Search by name, phone or username').fill(student.username);
    await visible(row());
    await expect.poll(() => page.locator('a.conversation-row').count()).toBe(1);
    await page.getByLabel('Search by name, phone or username').fill('');
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });

  it('opens their thread at their user id, shows what they wrote and lets an admin claim the chat', async () => {
    await row().click();
    await visible(thread());
    expect(new URL(page.url()).pathname).toBe(`/conversations/${student.userId}`);
    if (narrow) expect(await page.locator('.list-pane').isVisible()).toBe(false);
    await visible(thread().getByRole('log').getByText('support', { exact: true }));
    expect(await thread().locator('.thread-phone').textContent()).toBe(student.userId);
    await thread().getByRole('button', { name: 'Claim chat' }).click();
    await visible(thread().getByText('In chat · you'));
    await visible(thread().getByLabel(`Message to ${handle}`));
    expect(browser.pageErrors).toEqual([]);
    await screenshot(page, `conversations-username-${name}`);
  });

  it('shows a reload of the thread address as the same conversation', async () => {
    await page.reload();
    await visible(thread());
    await visible(thread().getByText('In chat · you'));
    expect(browser.pageErrors).toEqual([]);
  });
});

/*
 * Every screen the top bar offers is one tap away and fits the screen, for an admin and for an agent, on a
 * desktop, a tablet held upright and a 390 px phone (where the screens fold behind the Menu button). The list of
 * screens is read from the nav itself, so a screen added later is covered without touching this test.
 */
const NAV_VIEWPORTS = [
  { name: 'desktop', viewport: SCREENS.desktop },
  { name: 'tablet', viewport: SCREENS.tablet },
  { name: 'phone-390', viewport: SCREENS.phone },
] as const;

describe.each(NAV_VIEWPORTS)('the top bar on a $name screen', ({ name, viewport }) => {
  let browser: Browser;
  let page: Page;
  const agent = newAgentLogin(`agent-${name}`);

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function labels(): Promise<string[]> {
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Folded behind the Menu button on narrow screens: read hidden links too.
    return (await nav.getByRole('link', { includeHidden: true }).allTextContents()).map((label) => label.replace(/ \(.*\)$/, ''));
  }

  async function visitEach(role: string) {
    const offered = await labels();
    expect(offered.length).toBeGreaterThan(1);
    for (const label of offered) {
      await goTo(page, label);
      const link = page.locator('#main-nav-list a', { hasText: label }).first();
      await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
      await visible(page.locator('main#content').locator('h1, h2, p').first());
      expect(await page.getByText('There is nothing here for you').count(), label).toBe(0);
      // Nothing wider than the screen: the bar and the page fit, so nothing is cut off or needs a sideways scroll.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(viewport.width);
      // Every other screen is in reach from here: each link lies wholly on the screen (opening the Menu where
      // the screens are folded) and is big enough to tap.
      const toggle = page.getByRole('button', { name: /Menu/ });
      const folded = await toggle.isVisible();
      if (folded) await toggle.click();
      for (const other of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
        const box = await other.boundingBox();
        expect(box, label).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
        expect(box!.height).toBeGreaterThanOrEqual(40);
      }
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).toBe(offered.length);
      await screenshot(page, `nav-${role}-${name}-${label.toLowerCase().replace(/\W+/g, '-')}`);
      if (folded) {
        await page.keyboard.press('Escape');
        await gone(page.locator('#main-nav-list'));
      }
    }
    expect(browser.pageErrors).toEqual([]);
    return offered;
  }

  it('takes an admin to every screen', async () => {
    await harness.signIn(page);
    await liveOpen(page);
    const offered = await visitEach('admin');
    expect(offered).toEqual(expect.arrayContaining(['Dashboard', 'Conversations', 'Agents', 'Audit log']));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('button', { name: 'Sign in' }));
  });

  it('takes an agent to every screen an agent may use, and offers no admin screen', async () => {
    await harness.createAgent(agent);
    await expect.poll(() => page.getByLabel('Email').isVisible()).toBe(true);
    await submitLogin(page, agent);
    await liveOpen(page);
    const offered = await visitEach('agent');
    expect(offered).toEqual(expect.arrayContaining(['Dashboard', 'Conversations']));
    expect(offered).not.toContain('Agents');
    expect(offered).not.toContain('Audit log');
  });
});
