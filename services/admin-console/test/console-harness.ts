import { afterAll, beforeAll, expect } from 'vitest';
import {
  buildInboundWebhook,
  buildTextMessage,
  newPhone,
  pollUntil,
  signIn as signInApi,
  startSystem,
  SYSTEM_ADMIN,
  type AdminSession,
  type RecordedRequest,
  type RunningSystem,
} from '@app/testing';
import type { Page } from 'playwright-core';
import { visible } from './browser';
import { CONSOLE_DIST, ensureConsoleBuilt } from './console-build';

/*
 * What every browser test of the console shares: the whole system (all four services as processes and the fake
 * Cloud API) with admin-api serving the console built from the sources under test, signing in through the login
 * page, students writing through signed webhooks, agents created through admin-api, and the screens to run on.
 */

const ADMIN = SYSTEM_ADMIN;

export interface Credentials {
  email: string;
  password: string;
}

/** The screen sizes the flows run on. */
export const SCREENS = {
  desktop: { width: 1280, height: 800 },
  tablet: { width: 820, height: 1180 },
  phone: { width: 390, height: 844 },
  smallPhone: { width: 360, height: 740 },
} as const;

/** Most flows run on a desktop and on a 390 px phone, where the list and the thread take turns. */
export const VIEWPORTS = [
  { name: 'desktop', viewport: SCREENS.desktop, phone: false },
  { name: 'phone', viewport: SCREENS.phone, phone: true },
] as const;

/** Login details for a new agent, unique per call: `${prefix}-<random>@school.test`. */
export const newAgentLogin = (prefix: string): Credentials => ({
  email: `${prefix}-${newPhone()}@school.test`,
  password: 'agent password long enough',
});

/** Fills the login form the console shows and submits it (the page must be showing it, or about to). */
export async function submitLogin(page: Page, who: Credentials = ADMIN): Promise<void> {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits until the top bar shows the live event stream open: from then on the console hears what happens. */
export const liveOpen = (page: Page) => visible(page.locator('.live-open'));

export interface ConsoleSystem {
  /** The running system; started before the file's tests (use it inside tests and hooks only). */
  readonly system: RunningSystem;
  /** An address of the console (and admin-api) under test, e.g. `url('/conversations/123')`. */
  url(path?: string): string;
  /** Opens the console, signs `who` in through the login page and waits for the dashboard. */
  signIn(page: Page, who?: Credentials): Promise<void>;
  /** A fresh admin session on admin-api's JSON routes. */
  adminApi(): Promise<AdminSession>;
  /** Creates an agent through admin-api; resolves to their user id. */
  createAgent(agent: Credentials & { display_name?: string }): Promise<string>;
  /** Posts a signed webhook to the gateway; it must be taken (200). */
  postWebhook(payload: unknown): Promise<void>;
  /** A student sends one message (text, list reply...) under their WhatsApp profile name. */
  studentSends(message: Record<string, unknown>, name?: string): Promise<void>;
  /** A student writes `text` from `phone`. */
  studentWrites(phone: string, text: string, name?: string): Promise<void>;
  /** Waits until the fake Cloud API was asked `times` times to show `phone` a text or interactive body holding `needle`. */
  toldStudent(phone: string, needle: string, times?: number): Promise<RecordedRequest[]>;
}

/**
 * Starts the system for the file's tests (and stops it after them), with admin-api serving the built console.
 * `env` is read when the system starts, so a function may name what an earlier `beforeAll` made.
 */
export function useConsoleSystem(env: Record<string, string> | (() => Record<string, string>) = {}): ConsoleSystem {
  let running: RunningSystem | undefined;
  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startSystem({ env: { ADMIN_CONSOLE_DIR: CONSOLE_DIST, ...(typeof env === 'function' ? env() : env) } });
  }, 180_000);
  afterAll(async () => {
    await running?.stop();
  });

  const harness: ConsoleSystem = {
    get system() {
      if (!running) throw new Error('the system is not running: use it inside tests and hooks');
      return running;
    },
    url: (path = '/') => `${harness.system.url('admin-api')}${path}`,
    async signIn(page, who = ADMIN) {
      await page.goto(harness.url('/'));
      await submitLogin(page, who);
      await visible(page.getByRole('heading', { name: 'Dashboard' }));
    },
    adminApi: () => signInApi(harness.system.url('admin-api')),
    async createAgent(agent) {
      const created = await (await harness.adminApi()).call('/api/admin/users', { method: 'POST', body: { ...agent, role: 'agent' } });
      expect(created.status).toBe(201);
      return (created.body.user as { id: string }).id;
    },
    async postWebhook(payload) {
      expect((await harness.system.postWebhook(payload)).status).toBe(200);
    },
    studentSends: (message, name) => harness.postWebhook(buildInboundWebhook({ messages: [message], profileName: name })),
    studentWrites: (phone, text, name) => harness.studentSends(buildTextMessage({ from: phone, text }), name),
    toldStudent: (phone, needle, times = 1) =>
      pollUntil(
        () => {
          const found = harness.system.fake.accepted().filter((r) => {
            const body = r.body as { to?: string; interactive?: { body?: { text?: string } }; text?: { body?: string } };
            return body.to === phone && (body.interactive?.body?.text ?? body.text?.body ?? '').includes(needle);
          });
          return found.length >= times ? found : undefined;
        },
        { message: `"${needle}" at the Cloud API for ${phone} (${times}×)`, timeoutMs: 15_000 },
      ),
  };
  return harness;
}
