import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort, spawnService, waitForReady, type ServiceProcess } from '@app/runtime';
import { newPhone, startSystem, SYSTEM_APP_SECRET, type RunningSystem } from '@app/testing';
import { consoleDist, ensureConsoleBuilt } from '../../../scripts/lib/console';
import { SANDBOX } from '../../../scripts/lib/sandbox';
import { openChromium, screenshot, visible } from './browser';

/*
 * The demo, in a real browser: the whole system as processes, the sandbox in place of Meta (as `npm start`
 * runs it), a student on the sandbox's phone page and an admin in the console, side by side.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ADMIN = { email: 'admin@school.test', password: 'correct horse battery staple' };
const TOKEN = 'browser-sandbox-token';
const XSS = '<img src=x onerror=alert(1)>';

let system: RunningSystem;
let sandbox: ServiceProcess;
let sandboxUrl: string;
let chromium: Awaited<ReturnType<typeof openChromium>>;
let phone: Page;
let console_: Page;
const student = { waId: newPhone(), name: 'Ada Lovelace' };
/** A student who adopted a username and withholds their number: no phone, no profile name, only @username. */
const usernameOnly = { username: `grace_${Date.now().toString(36)}`, name: 'Grace Hopper' };

beforeAll(async () => {
  ensureConsoleBuilt();
  const port = await freePort();
  sandboxUrl = `http://127.0.0.1:${port}`;
  system = await startSystem({ env: { ADMIN_CONSOLE_DIR: consoleDist, WHATSAPP_API_BASE_URL: sandboxUrl, WHATSAPP_ACCESS_TOKEN: TOKEN } });
  sandbox = spawnService({
    root: ROOT,
    name: SANDBOX.name,
    entry: SANDBOX.entry,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      WHATSAPP_SANDBOX_PORT: String(port),
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: String(system.env.WHATSAPP_PHONE_NUMBER_ID),
      WHATSAPP_APP_SECRET: SYSTEM_APP_SECRET,
      WHATSAPP_SANDBOX_WEBHOOK_URL: `${system.url('webhook-gateway')}/api/webhook/whatsapp`,
    },
  });
  await waitForReady(sandboxUrl, 30_000, () => sandbox.child.exitCode === null);
  chromium = await openChromium();
  phone = await chromium.page({ width: 420, height: 860 });
  console_ = await chromium.page({ width: 1280, height: 800 });
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await sandbox?.stop(5_000);
  await system?.stop();
});

/** The phone page names a chat by the student's profile name, or by @username when they have none. */
let shownAs = student.name;
const chat = () => phone.getByRole('log', { name: `Chat of ${shownAs}` });
const fromSchool = (text: string | RegExp) => chat().locator('li.from-business', { hasText: text }).last();
const fromStudent = (text: string) => chat().locator('li.from-student', { hasText: text }).last();

async function studentTypes(text: string) {
  await phone.getByLabel('Message', { exact: true }).fill(text);
  await phone.getByLabel('Message', { exact: true }).press('Enter');
  await visible(fromStudent(text));
}

async function studentPicks(listButton: string, row: RegExp) {
  await chat().getByRole('button', { name: listButton }).last().click();
  const sheet = phone.getByRole('dialog', { name: listButton });
  await visible(sheet);
  await sheet.getByRole('button', { name: row }).click();
}

describe('a student on the sandbox phone and an admin in the console', () => {
  it('registers the student by typing: name, email, and a class picked from the list', async () => {
    await phone.goto(sandboxUrl);
    await phone.getByLabel('Phone number').fill(student.waId);
    await phone.getByLabel('Profile name').fill(student.name);
    await phone.getByRole('button', { name: 'Add student' }).click();
    await visible(chat());

    await studentTypes('hi');
    await visible(fromSchool('What is your full name?'));
    await studentTypes(student.name);
    await visible(fromSchool(`Thanks, ${student.name}! What is your email address?`));
    await studentTypes('ada@example.com');
    await visible(fromSchool('Which class are you in?'));
    await studentPicks('Choose class', /^Grade 7/);
    await visible(fromStudent('Grade 7'));
    await visible(fromSchool("You're registered!"));
    await visible(fromSchool('What would you like to do?'));
    await visible(fromStudent('hi').getByRole('img', { name: 'Delivered' }));
  });

  it("taps the menu's Chat Support and is put in the queue, with an End chat button", async () => {
    await studentPicks('Menu', /^Chat Support/);
    const queued = fromSchool(/in the queue/);
    await visible(queued);
    await visible(queued.getByRole('button', { name: 'End chat' }));
    await screenshot(phone, 'sandbox-phone-queued');
  });

  it('lets the admin answer from the console: the phone shows it, the console sees it read, and the student sees blue ticks', async () => {
    await console_.goto(`${system.url('admin-api')}/`);
    await console_.getByLabel('Email').fill(ADMIN.email);
    await console_.getByLabel('Password').fill(ADMIN.password);
    await console_.getByRole('button', { name: 'Sign in' }).click();
    await console_.getByRole('link', { name: 'Conversations' }).click();
    await console_.locator(`a.conversation-row[data-phone="${student.waId}"]`).click();
    const thread = console_.getByRole('region', { name: `Conversation with ${student.name}` });
    await visible(thread);
    await thread.getByRole('button', { name: 'Claim chat' }).click();
    await visible(thread.getByText('In chat · you'));

    const answer = `Hello ${student.name}, how can I help?`;
    const box = thread.getByLabel(`Message to ${student.name}`);
    await box.fill(answer);
    await box.press('Enter');

    await visible(fromSchool(answer));
    // The phone shows the chat, so the school hears "read": the console's ticks turn read.
    await visible(thread.locator('li.message', { hasText: answer }).getByRole('img', { name: 'Read' }));
    // The admin opened the conversation: the engine marks the student's messages read on WhatsApp.
    await visible(fromStudent('Grade 7').getByRole('img', { name: 'Read' }));
    await screenshot(phone, 'sandbox-phone-answered');
  });

  it("shows the student's reply in the console, as plain text, and ticks it read on the phone", async () => {
    await studentTypes(XSS);
    const thread = console_.getByRole('region', { name: `Conversation with ${student.name}` });
    await visible(thread.getByRole('log').getByText(XSS, { exact: true }));
    await visible(fromStudent(XSS).getByRole('img', { name: 'Read' }));
    expect(await chat().locator('img').count()).toBe(0);
    expect(chromium.dialogs).toEqual([]);
    expect(chromium.pageErrors).toEqual([]);
    await screenshot(console_, 'sandbox-console-reply');
  });

  it('registers a username-only student (no phone number) who says hi, naming them by @username on the phone', async () => {
    await phone.goto(sandboxUrl);
    await phone.getByLabel('Username').fill(usernameOnly.username);
    await phone.getByRole('button', { name: 'Add student' }).click();
    shownAs = `@${usernameOnly.username}`;
    await visible(chat());
    expect(await phone.title()).toBe(`@${usernameOnly.username} · WhatsApp sandbox`);

    await studentTypes('hi');
    await visible(fromSchool('What is your full name?'));
    await screenshot(phone, 'sandbox-phone-username-only');
  });

  it('shows the username-only student in the console by their username, never as an empty row, before and after registering', async () => {
    // Before registering: no phone, no name; the username is all there is to show.
    await console_.getByRole('link', { name: 'Conversations' }).click();
    const row = console_.locator('a.conversation-row', { hasText: usernameOnly.username });
    await visible(row);
    expect((await row.innerText()).trim()).not.toBe('');

    await studentTypes(usernameOnly.name);
    await visible(fromSchool(`Thanks, ${usernameOnly.name}! What is your email address?`));
    await studentTypes('grace@example.com');
    await visible(fromSchool('Which class are you in?'));
    await studentPicks('Choose class', /^Grade 7/);
    await visible(fromSchool("You're registered!"));
    await visible(fromSchool('What would you like to do?'));
    await visible(fromStudent('hi').getByRole('img', { name: 'Delivered' }));

    // Registered: the console names them, and still shows the username where a phone number would be.
    const registered = console_.locator('a.conversation-row', { hasText: usernameOnly.name }).filter({ hasText: usernameOnly.username });
    await visible(registered);
    await registered.click();
    await visible(console_.getByRole('region', { name: `Conversation with ${usernameOnly.name}` }));
    expect(chromium.pageErrors).toEqual([]);
    await screenshot(console_, 'sandbox-console-username-only');

    // The phone page's list of students: each by the name the school knows, the number or username below it.
    await phone.goto(sandboxUrl);
    const students = phone.getByRole('list').filter({ has: phone.getByRole('link', { name: /^@/ }) });
    await visible(students.getByRole('link', { name: `@${usernameOnly.username} number withheld` }));
    await visible(students.getByRole('link', { name: `${student.name} +${student.waId}` }));
    await screenshot(phone, 'sandbox-phone-students');
  });
});
