import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildListReply, buildTextMessage, newPhone, pollUntil } from '@app/testing';
import type { Page } from 'playwright-core';
import { gone, openBrowser, screenshot, visible, type Browser } from './browser';
import { useConsoleSystem, VIEWPORTS } from './console-harness';

/*
 * The student's data in a real browser (Debian's Chromium through playwright-core), served by admin-api,
 * against all four services and the fake Cloud API: from a thread's header an admin opens the printable
 * transcript, downloads the subject access archive, and erases the student after typing their number again;
 * the thread and the list entry go. On a desktop and on a 390 px phone.
 */
let mediaDir: string;
let downloads: string;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'console-student-data-media-'));
  downloads = await mkdtemp(path.join(tmpdir(), 'console-student-data-downloads-'));
});
afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
  await rm(downloads, { recursive: true, force: true });
});

// Registered after the folders' hooks: started once they exist, stopped before they go (after-hooks run in reverse).
const harness = useConsoleSystem(() => ({ MEDIA_DIR: mediaDir }));

/** A registered student who wrote some markup, through signed webhooks; resolves once the engine stored it all. */
async function registeredStudent(phone: string, name: string) {
  const api = await harness.adminApi();
  const messages = [
    buildTextMessage({ from: phone, text: 'hi' }),
    buildTextMessage({ from: phone, text: name }),
    buildTextMessage({ from: phone, text: 'student@example.com' }),
    buildListReply({ from: phone, replyId: 'class:grade-9', title: 'Grade 9' }),
    buildTextMessage({ from: phone, text: '<b>bold</b> & <script>alert(1)</script>' }),
  ];
  for (const message of messages) {
    await harness.studentSends(message);
    await pollUntil(
      async () => {
        const page = await api.call(`/api/admin/conversations/${phone}/messages?limit=50`);
        return (
          page.status === 200 &&
          (page.body['items'] as { text: string | null }[]).some((m) => m.text === ('text' in message ? message.text.body : 'Grade 9'))
        );
      },
      { message: `message of ${name} stored`, timeoutMs: 15_000 },
    );
  }
  return api;
}

describe.each(VIEWPORTS)("a student's data on a $name screen", ({ name, viewport }) => {
  let browser: Browser;
  let page: Page;
  const phone = newPhone();
  const student = name === 'desktop' ? 'Adaeze Export' : 'Bukola Export';

  beforeAll(async () => {
    await registeredStudent(phone, student);
    browser = await openBrowser(viewport);
    page = browser.page;
    await harness.signIn(page);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the printable transcript, escaped, and downloads the subject access archive', async () => {
    await page.goto(harness.url(`/conversations/${phone}`));
    const thread = page.getByRole('region', { name: `Conversation with ${student}` });
    await visible(thread);
    await thread.getByText('Student data').click();
    await visible(thread.getByRole('button', { name: 'Export data' }));
    await screenshot(page, `student-data-menu-${name}`);

    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      thread.getByRole('button', { name: 'Transcript (print)' }).click(),
    ]);
    await popup.waitForLoadState();
    await visible(popup.getByRole('heading', { name: `Conversation with ${student}` }));
    const html = await popup.content();
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(await popup.locator('script').count()).toBe(0);
    expect(await popup.getByText(/Times in /).count()).toBe(1);
    // Styled although the console's policy refuses inline styles (its own copy of the stylesheet is linked).
    expect(await popup.locator('table').evaluate((table) => getComputedStyle(table).borderCollapse)).toBe('collapse');
    await screenshot(popup, `student-data-transcript-${name}`);
    await popup.close();

    const [download] = await Promise.all([page.waitForEvent('download'), thread.getByRole('button', { name: 'Export data' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^student-data-${phone}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const file = path.join(downloads, `${name}.zip`);
    await download.saveAs(file);
    const archive = unzipSync(new Uint8Array(await readFile(file)));
    expect(Object.keys(archive)).toEqual(
      expect.arrayContaining(['README.md', 'manifest.json', 'tables/messages.jsonl', 'tables/students.jsonl', 'audit.jsonl']),
    );
    expect(strFromU8(archive['tables/students.jsonl']!)).toContain(student);
    expect(strFromU8(archive['tables/messages.jsonl']!)).toContain('<b>bold</b>');
    expect(browser.pageErrors).toEqual([]);
  });

  it('erases the student only after their number is typed again, and the thread and list entry go', async () => {
    await page.goto(harness.url(`/conversations/${phone}`));
    const thread = page.getByRole('region', { name: `Conversation with ${student}` });
    await visible(thread);
    await thread.getByText('Student data').click();
    await thread.getByRole('button', { name: 'Erase student…' }).click();
    const dialog = thread.getByRole('alertdialog');
    await visible(dialog);
    const erase = dialog.getByRole('button', { name: 'Erase permanently' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Student id to confirm').fill(phone.slice(0, -1));
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Student id to confirm').fill(phone);
    await screenshot(page, `student-data-erase-confirm-${name}`);
    await erase.click();
    await gone(thread);
    await visible(page.getByRole('heading', { name: 'Conversations' }).or(page.getByRole('searchbox')).first());
    expect(await page.getByText(student).count()).toBe(0);
    await screenshot(page, `student-data-erased-${name}`);

    const api = await harness.adminApi();
    expect((await api.call(`/api/admin/conversations?q=${phone}`)).body['items']).toEqual([]);
    expect((await api.call(`/api/admin/conversations/${phone}/messages`)).status).toBe(404);
    expect(browser.pageErrors).toEqual([]);
  });
});
