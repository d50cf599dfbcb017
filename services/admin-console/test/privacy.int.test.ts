import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, sql } from '@app/db';
import { buildListReply, newPhone, testInfra } from '@app/testing';
import type { Page } from 'playwright-core';
import { goTo, openBrowser, screenshot, visible, type Browser } from './browser';
import { useConsoleSystem, VIEWPORTS } from './console-harness';

/*
 * Privacy (issue 15) in a real browser (Debian's Chromium through playwright-core), served by admin-api,
 * against all four services as processes and the fake Cloud API. An admin requires guardian consent for
 * under-16s and turns retention on, and the preview shows what it will delete (an old conversation is made
 * old in the engine's schema, the one thing a browser cannot do); a 13-year-old registers on WhatsApp and
 * the thread shows their consent pending until an admin records the consent their guardian gave on paper;
 * the admin's opening of that thread is in the audit log. Each flow on a desktop and on a 390 px phone.
 */
const harness = useConsoleSystem();

/** Makes a student's conversation look idle for `days` (its last activity moved back), as time would. */
async function ageConversation(phone: string, days: number) {
  const db = createDb({ url: testInfra.databaseUrl, schema: harness.system.engineSchema, max: 1 });
  try {
    await sql`update conversations set last_message_at = now() - make_interval(days => ${days}) where phone_number = ${phone}`.execute(db);
  } finally {
    await db.destroy();
  }
}

describe.each(VIEWPORTS)('privacy on a $name screen', ({ name, viewport }) => {
  let browser: Browser;
  let page: Page;
  const minor = { phone: newPhone(), name: `Tobi ${name === 'desktop' ? 'Adeyemi' : 'Okafor'}` };
  const idle = { phone: newPhone(), name: `Old ${name === 'desktop' ? 'Timer' : 'Hand'}` };

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin require guardian consent for under-16s and turn retention on, with what it will delete next', async () => {
    await harness.studentWrites(idle.phone, 'hello from long ago', idle.name);
    await harness.toldStudent(idle.phone, 'What is your full name?');
    await ageConversation(idle.phone, 400);

    await harness.signIn(page);
    await goTo(page, 'Privacy');
    await visible(page.getByRole('heading', { name: 'Privacy', exact: true }));

    const rules = page.getByRole('form', { name: 'Consent rules' });
    const ask = rules.getByRole('checkbox', { name: /Ask the student's age group/ });
    if (!(await ask.isChecked())) await ask.check();
    for (const band of ['Under 13', '13 to 15']) {
      const box = rules.getByRole('checkbox', { name: band, exact: true });
      if (!(await box.isChecked())) await box.check();
    }
    await rules.getByRole('button', { name: 'Save consent rules' }).click();
    await visible(rules.getByText('Saved.'));

    const retention = page.getByRole('form', { name: 'Retention settings' });
    const on = retention.getByRole('checkbox', { name: 'Delete conversation histories automatically' });
    if (!(await on.isChecked())) await on.check();
    await retention.getByLabel("Days after a conversation's last activity").fill('30');
    await retention.getByRole('button', { name: 'Save retention' }).click();
    await visible(retention.getByText('Saved.'));

    // The preview the page shows is admin-api's, and it counts the idle conversation (and only idle ones).
    const preview = page.getByRole('region', { name: 'What retention will delete next' });
    await visible(preview.getByTestId('due-conversations'));
    const admin = await harness.adminApi();
    const answer = (await admin.call('/api/admin/privacy/retention')).body as unknown as {
      due: { conversations: number; messages: number; media: number };
      next_run_at: string | null;
    };
    expect(answer.due.conversations).toBeGreaterThanOrEqual(1);
    expect(answer.due.messages).toBeGreaterThanOrEqual(2);
    expect(answer.next_run_at).not.toBeNull();
    const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
    expect(await preview.getByTestId('due-conversations').textContent()).toBe(
      plural(answer.due.conversations, 'conversation', 'conversations'),
    );
    expect(await preview.getByTestId('due-messages').textContent()).toBe(plural(answer.due.messages, 'message', 'messages'));
    expect(await preview.getByTestId('due-media').textContent()).toBe(plural(answer.due.media, 'file', 'files'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.getByRole('heading', { name: 'Retention' }).scrollIntoViewIfNeeded();
    await screenshot(page, `privacy-settings-${name}`);
  });

  it("shows a 13-year-old's consent pending on the thread, and an admin records the consent given on paper", async () => {
    await harness.studentWrites(minor.phone, 'hi', minor.name);
    await harness.studentWrites(minor.phone, minor.name, minor.name);
    await harness.studentWrites(minor.phone, 'tobi@example.com', minor.name);
    await harness.studentWrites(minor.phone, 'JSS 2', minor.name);
    await harness.toldStudent(minor.phone, 'Pick your age group');
    await harness.studentSends(buildListReply({ from: minor.phone, replyId: 'age:13_15', title: '13 to 15' }), minor.name);
    await harness.toldStudent(minor.phone, 'Parent or guardian: what is your full name?');

    await goTo(page, 'Conversations');
    await page.locator(`a.conversation-row[data-phone="${minor.phone}"]`).click();
    const thread = page.getByRole('region', { name: `Conversation with ${minor.name}` });
    await visible(thread);
    const chip = thread.getByTestId('consent-status');
    await visible(chip);
    expect(await chip.textContent()).toBe('Consent pending · 13 to 15');

    await thread.getByRole('button', { name: 'Consent details' }).click();
    await visible(thread.getByText('No consent recorded.'));
    await thread.getByRole('button', { name: 'Record consent given offline' }).click();
    const form = thread.getByRole('form', { name: 'Record consent given offline' });
    await form.getByLabel('Parent or guardian').fill('Funmi Adeyemi');
    await form.getByLabel('Relationship').selectOption('parent');
    await form.getByLabel('Phone or email').fill('+234 803 555 0101');
    await form.getByLabel(/^Evidence/).fill('Signed consent form, filed in the school office');
    await form.getByRole('button', { name: 'Record consent' }).click();
    await visible(thread.getByText('Consent given · 13 to 15'));
    await visible(thread.getByText('Recorded by admin: Signed consent form, filed in the school office'));
    expect(await form.count()).toBe(0);
    await thread.getByRole('region', { name: 'Consent' }).scrollIntoViewIfNeeded();
    await screenshot(page, `privacy-consent-${name}`);
  });

  it("lists the admin's opening of the thread in the audit log, filtered by action", async () => {
    await goTo(page, 'Audit log');
    await visible(page.getByRole('heading', { name: 'Audit log' }));
    await page.getByLabel('Action').selectOption('conversation.viewed');
    const rows = page.getByRole('region', { name: 'Audit entries' }).getByRole('row');
    const actions = async () => (await rows.locator('td:nth-child(3)').allTextContents()).filter((a, i, all) => all.indexOf(a) === i);
    await visible(rows.filter({ hasText: minor.phone }).first());
    await expect.poll(actions).toEqual(['conversation.viewed']);
    await screenshot(page, `privacy-thread-views-${name}`);
    await page.getByLabel('Action').selectOption('consent.recorded');
    await expect.poll(actions).toEqual(['consent.recorded']);
    await visible(rows.filter({ hasText: minor.phone }).filter({ hasText: 'Funmi Adeyemi' }).first());
    await screenshot(page, `privacy-audit-${name}`);
    expect(browser.pageErrors).toEqual([]);
  });
});
