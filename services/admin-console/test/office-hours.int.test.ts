import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone } from '@app/testing';
import type { Page } from 'playwright-core';
import { goTo, openBrowser, screenshot, visible, type Browser } from './browser';
import { newAgentLogin, useConsoleSystem, VIEWPORTS } from './console-harness';

/*
 * Office hours in a real browser (Debian's Chromium through playwright-core), served by admin-api, against all
 * four services as processes and the fake Cloud API. An admin sets a week and a closure around today (so the
 * team is closed whatever the time the test runs), a student asking for support is told when the team is
 * back, and the dashboard shows what arrived while closed. An agent reads the schedule without editing it.
 * Each flow on a desktop and on a 390 px phone.
 */
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const utcDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const harness = useConsoleSystem();

describe.each(VIEWPORTS)('office hours on a $name screen', ({ name, viewport }) => {
  let browser: Browser;
  let page: Page;
  const student = { phone: newPhone(), name: `Night ${name === 'desktop' ? 'Owl' : 'Heron'}` };
  const reason = `Founders week (${name})`;

  beforeAll(async () => {
    browser = await openBrowser(viewport);
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin set a week with its time zone and a closure, and shows the team closed', async () => {
    await harness.signIn(page);
    await goTo(page, 'Office hours');
    await visible(page.getByRole('heading', { name: 'Office hours' }));

    const form = page.getByRole('form', { name: 'Weekly schedule' });
    const enabled = form.getByRole('checkbox', { name: /Use office hours/ });
    if (!(await enabled.isChecked())) await enabled.check();
    await form.getByLabel('Time zone').fill('Africa/Lagos');
    for (const day of WEEKDAYS) {
      // The second run finds the first run's week saved: one period a day either way.
      if ((await form.getByLabel(`${day} period 1 opens`).count()) === 0)
        await form.getByRole('button', { name: `Add period on ${day}` }).click();
    }
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await visible(form.getByText('Schedule saved.'));

    const closure = page.getByRole('form', { name: 'Add a closure' });
    await closure.getByLabel('From').fill(utcDate(-1));
    await closure.getByLabel('To (optional)').fill(utcDate(1));
    await closure.getByLabel('Reason').fill(reason);
    await closure.getByRole('button', { name: 'Add closure' }).click();
    await visible(page.getByText(reason));
    await visible(page.getByText(/^Closed now, back .+ 8:00 \(WAT\)$/));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.getByRole('heading', { name: 'Office hours' }).scrollIntoViewIfNeeded();
    await screenshot(page, `office-hours-admin-${name}`);
  });

  it('tells a student asking for support when the team is back, and the dashboard lists them as arrived while closed', async () => {
    await harness.studentWrites(student.phone, 'support', student.name);
    const [told] = await harness.toldStudent(student.phone, "We're closed now. We'll be back");
    expect(JSON.stringify(told!.body)).toMatch(/We'll be back .+ 8:00 \(WAT\)/);

    await goTo(page, 'Dashboard');
    const panel = page.getByRole('region', { name: 'Office hours' });
    await visible(panel);
    await visible(panel.getByText(/^Closed now, back/));
    const link = panel.getByRole('link', { name: student.name });
    await visible(link);
    await screenshot(page, `office-hours-dashboard-${name}`);
    await link.click();
    await visible(page.getByRole('region', { name: `Conversation with ${student.name}` }));
    expect(browser.pageErrors).toEqual([]);
  });

  it('shows an agent the week and the closures, with nothing to change', async () => {
    const agent = newAgentLogin(`hours-agent-${name}`);
    await harness.createAgent(agent);

    const agentBrowser = await openBrowser(viewport);
    try {
      const agentPage = agentBrowser.page;
      await harness.signIn(agentPage, agent);
      await goTo(agentPage, 'Office hours');
      const week = agentPage.getByRole('table', { name: 'Weekly office hours' });
      await visible(week);
      expect(await week.getByRole('row', { name: /Monday/ }).textContent()).toContain('08:00–16:00');
      await visible(agentPage.getByText(reason));
      expect(await agentPage.getByRole('button', { name: 'Save schedule' }).count()).toBe(0);
      expect(await agentPage.getByRole('form', { name: 'Add a closure' }).count()).toBe(0);
      await screenshot(agentPage, `office-hours-agent-${name}`);
      expect(agentBrowser.pageErrors).toEqual([]);
    } finally {
      await agentBrowser.close();
    }
  });
});
