import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, pollUntil } from '@app/testing';
import type { Page } from 'playwright-core';
import { goTo, gone, openBrowser, screenshot, visible, type Browser } from './browser';
import { useConsoleSystem, VIEWPORTS } from './console-harness';

/*
 * The agent tools (issue 14) in a real browser, served by admin-api, against all four services as processes and
 * the fake Cloud API: the admin screens for labels and canned replies, a private note (shown at once to a
 * second console on the same thread, never sent), a canned reply picked with / that fills the box, labels put
 * on a conversation and the list filtered by them. Each flow on a desktop and on a 390 px phone.
 */
const harness = useConsoleSystem();

/** Every request the fake Cloud API received whose body holds `text`. */
const atCloudApi = (text: string) => harness.system.fake.requests.filter((r) => JSON.stringify(r.body).includes(text));

describe.each(VIEWPORTS)('the agent tools on a $name screen', ({ name, viewport, phone: narrow }) => {
  let browser: Browser;
  let page: Page;
  const student = { phone: newPhone(), name: name === 'desktop' ? 'Grace Hopper' : 'Mary Somerville' };
  const label = name === 'desktop' ? 'Fees desk' : 'Fees phone';
  const shortcut = `fees-${name}`;
  const row = () => page.locator(`a.conversation-row[data-phone="${student.phone}"]`);
  const thread = () => page.getByRole('region', { name: `Conversation with ${student.name}` });

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
    await harness.signIn(page);
  }, 60_000);
  afterAll(async () => {
    expect(browser?.pageErrors ?? []).toEqual([]);
    await browser?.close();
  });

  it('lets an admin add a label with a colour on the Labels screen', async () => {
    await goTo(page, 'Labels');
    await visible(page.getByRole('heading', { name: 'Labels', level: 1 }));
    const form = page.getByRole('form', { name: 'Add label' });
    await form.getByLabel('Name').fill(label);
    await form.getByRole('button', { name: 'Colour #bbf7d0' }).click();
    await form.getByRole('button', { name: 'Add label' }).click();
    const chip = page.locator('.manage-list .label-chip', { hasText: label });
    await visible(chip);
    expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(187, 247, 208)');
    await screenshot(page, `agent-tools-labels-${name}`);
  });

  it('lets an admin add a canned reply with placeholders on the Canned replies screen', async () => {
    await goTo(page, 'Canned replies');
    await visible(page.getByRole('heading', { name: 'Canned replies', level: 1 }));
    const form = page.getByRole('form', { name: 'Add canned reply' });
    await form.getByLabel('Title').fill('School fees');
    await form.getByLabel(/Shortcut/).fill(shortcut);
    await form.getByLabel(/^Text/).fill('Hi {student_name}, {agent_name} here. Fees for {class} are due on the 1st.');
    await form.getByRole('button', { name: 'Add canned reply' }).click();
    await visible(page.locator('.manage-list', { hasText: `/${shortcut}` }));
    await screenshot(page, `agent-tools-canned-replies-${name}`);
  });

  it('writes a private note that a colleague sees at once and the Cloud API never gets', async () => {
    await harness.studentWrites(student.phone, 'support', student.name);
    await goTo(page, 'Conversations');
    await visible(row());
    await row().click();
    await visible(thread());

    // A colleague with the same thread open in another tab (sessions are per tab: they sign in there).
    const colleague = await browser.context.newPage();
    await harness.signIn(colleague);
    await colleague.goto(page.url());
    const theirs = colleague.getByRole('region', { name: `Conversation with ${student.name}` });
    await visible(theirs.getByRole('log').getByText('support', { exact: true }));

    const text = `Private: ${student.name}'s mother phoned about the fees.`;
    await thread().getByRole('button', { name: 'Note', exact: true }).click();
    const box = thread().getByLabel(`Private note on ${student.name}`);
    await box.fill(text);
    await box.press('Enter');
    const mine = thread().locator('li.message-private-note', { hasText: text });
    await visible(mine);
    await visible(mine.getByText('Private note'));
    await visible(theirs.locator('li.message-private-note', { hasText: text }));
    await colleague.close();
    await screenshot(page, `agent-tools-note-${name}`);

    // A message sent after the note reaches the Cloud API; the note never did.
    await thread().getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = thread().getByLabel(`Message to ${student.name}`);
    await reply.fill('One moment please.');
    await reply.press('Enter');
    // The box empties once admin-api took the message.
    await expect.poll(() => reply.inputValue()).toBe('');
    await pollUntil(() => atCloudApi('One moment please.').length > 0, { message: 'the reply at the Cloud API', timeoutMs: 15_000 });
    expect(atCloudApi('mother phoned')).toEqual([]);
  });

  it('fills the box from a canned reply picked with /, rendered for the student and the admin, without sending it', async () => {
    const box = thread().getByLabel(`Message to ${student.name}`);
    await box.fill('');
    await box.pressSequentially(`/${shortcut.slice(0, 6)}`);
    const option = thread().getByRole('option', { name: new RegExp(`/${shortcut}`) });
    await visible(option);
    await screenshot(page, `agent-tools-picker-${name}`);
    await box.press('Enter');
    const expected = `Hi ${student.name}, admin here. Fees for your class are due on the 1st.`;
    await expect.poll(() => box.inputValue()).toBe(expected);
    await gone(thread().getByRole('listbox'));
    expect(atCloudApi(expected)).toEqual([]);
    await box.press('Enter');
    await pollUntil(() => atCloudApi(expected).length > 0, { message: 'the edited canned reply at the Cloud API', timeoutMs: 15_000 });
  });

  it('puts a label on the conversation and filters the list by it', async () => {
    const header = thread().locator('header');
    await header.getByRole('combobox', { name: 'Add a label' }).selectOption({ label });
    await visible(header.locator('.label-chip', { hasText: label }));
    if (narrow) await thread().getByRole('button', { name: 'Back to conversations' }).click();
    await visible(row().locator('.label-chip', { hasText: label }));

    await page.getByRole('combobox', { name: 'Label' }).selectOption({ label });
    await expect.poll(() => new URL(page.url()).searchParams.get('label')).not.toBeNull();
    // The list stays on screen, busy, until the filtered page comes.
    await expect.poll(() => page.locator('a.conversation-row').count()).toBe(1);
    await visible(row());
    await screenshot(page, `agent-tools-label-filter-${name}`);
    await page.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'Any label' });
    await expect.poll(() => new URL(page.url()).searchParams.get('label')).toBeNull();
  });
});

describe('canned replies and labels, as admin-api keeps them', () => {
  it('lists what the screens created', async () => {
    const api = await harness.adminApi();
    const labels = await api.call('/api/admin/labels');
    expect((labels.body['items'] as { name: string }[]).map((l) => l.name).sort()).toEqual(['Fees desk', 'Fees phone']);
    const replies = await api.call('/api/admin/canned-replies');
    expect((replies.body['items'] as { shortcut: string }[]).map((r) => r.shortcut)).toEqual(['fees-desktop', 'fees-phone']);
  });
});
