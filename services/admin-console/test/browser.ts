import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (CI installs it); playwright-core never downloads a browser of its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every dialog the page opened (alert, confirm...), every uncaught page error and console error. */
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A fresh headless Chromium with its own empty profile, one page at `viewport`. */
export async function openBrowser(viewport: { width: number; height: number }): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  return {
    context,
    page,
    dialogs,
    pageErrors,
    consoleErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits (auto-retrying, no sleep) until the locator is visible; fails after `timeout` ms. */
export const visible = (locator: Locator, timeout = 10_000) => locator.waitFor({ state: 'visible', timeout });
export const gone = (locator: Locator, timeout = 10_000) => locator.waitFor({ state: 'hidden', timeout });

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Opens a screen from the top bar's nav the way a person would on this screen size: straight from the bar when
 * it is wide, through the Menu button when the screens are folded behind it.
 */
export async function goTo(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const toggle = nav.getByRole('button', { name: /Menu/ });
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
  // A screen's link may carry a count after its label: "Parked events (3)".
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await nav.getByRole('link', { name: new RegExp(`^${escaped}( \\(.*\\))?$`) }).click();
}
