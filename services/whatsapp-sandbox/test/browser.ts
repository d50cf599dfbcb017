import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (CI installs it); playwright-core never downloads a browser of its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

/** A headless Chromium; each `page()` is its own window (own context), so both stay visible at once. */
export async function openChromium() {
  const profile = mkdtempSync(path.join(tmpdir(), 'sandbox-chromium-'));
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  return {
    dialogs,
    pageErrors,
    async page(viewport: { width: number; height: number }): Promise<Page> {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits (auto-retrying, no sleep) until the locator is visible; fails after `timeout` ms. */
export const visible = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
