/**
 * What a timed note keeps, in a real browser against a real server, with the page's clock faked and moved by hand:
 * the timer/rest round trip (timer → save → reload on another device → same minutes and non-billable time, and the
 * next save keeps them), a reopened 0-minute activity that is then timed, a tab closed while a timer ran, and
 * "What was done" and "Assistance and cueing" kept apart after reload.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiSession, signInApi } from './support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from './support/browser.ts';
import { ensureWebBuilt } from './support/build-web.ts';
import { type ClinicFixture, createClinic } from './support/clinic-setup.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const T0 = new Date('2026-03-02T15:00:00Z');
const MIN = 60_000;
const TASK = 'Sit-to-stand transfers from a 17-inch chair, 3 sets of 5';
const ASSIST = 'min assist, verbal cues for hand placement';

interface VisitJson {
  services: { code: string; minutes?: number; description?: string; assistance?: string }[];
  nonBillable: { kind: string; minutes: number; note?: string }[];
  segments: { serviceOrdinal: number | null; kind: string; startedAt: string; endedAt: string | null }[];
}

const run = chromiumAvailable();

// Each scenario drives two page loads and several saves: room for a busy machine running every test at once.
describe.runIf(run)('browser: timers, rest and every field survive save and reload', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  // Each test has its own clinic: "Start note" opens a patient's note of the day when there is one.
  let c: ClinicFixture;
  let api: ApiSession;
  let clinics = 0;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
  });

  beforeEach(async () => {
    c = await createClinic(server.url, `timers${++clinics}`);
    api = await signInApi(server.url, c.therapist.email, c.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A new browser (its own storage: another device) signed in as the therapist, the page's clock at `at`. */
  async function device(at: Date = T0): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install({ time: at });
    await page.goto(server.url);
    await page.getByLabel('Email').fill(c.therapist.email);
    await page.getByLabel('Password').fill(c.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return { context, page };
  }

  /** Starts a daily note for the patient from the chart; returns the visit id. */
  async function startNote(page: Page): Promise<string> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: c.patient.name }).click();
    await page.getByRole('button', { name: 'Start note' }).click();
    await page.getByRole('heading', { name: `Daily note: ${c.patient.name}` }).waitFor();
    return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  }

  async function openNote(page: Page, visitId: string): Promise<void> {
    await page.goto(`${server.url}/visits/${encodeURIComponent(visitId)}`);
    await page.getByRole('heading', { name: `Daily note: ${c.patient.name}` }).waitFor();
  }

  /** Lets the autosave run and waits for the server's answer. */
  async function saved(page: Page): Promise<void> {
    await page.clock.fastForward('00:02');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Saved');
  }

  const minutesOf = (page: Page, n: number) =>
    page.getByRole('region', { name: new RegExp(`^Activity ${n}`) }).getByLabel('Minutes');

  it('timer with rest and setup → save → reload elsewhere: same minutes, same non-billable time, fields apart', async () => {
    const { context, page } = await device();
    let visitId = '';
    try {
      visitId = await startNote(page);
      await page.getByRole('button', { name: 'Add activity' }).click();
      const act = page.getByRole('region', { name: /^Activity 1/ });
      await act.getByLabel('What was done').fill(TASK);
      await act.getByLabel('Assistance and cueing').fill(ASSIST);
      await act.getByLabel(c.goal).check();
      // 12 min treatment, 3 min rest, 6 min treatment, 2 min setup, 4 min treatment: 22 treatment minutes.
      await page.getByRole('button', { name: 'Start timer for activity 1' }).click();
      await page.clock.fastForward('12:00');
      await page.getByRole('button', { name: 'Pause: Rest' }).click();
      await page.clock.fastForward('03:00');
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.clock.fastForward('06:00');
      await page.getByRole('button', { name: 'Pause: Setup' }).click();
      await page.clock.fastForward('02:00');
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.clock.fastForward('04:00');
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect.poll(() => minutesOf(page, 1).inputValue()).toBe('22');
      await expect.poll(() => page.getByTestId('nb-rest').textContent()).toContain('rest: 3 min');
      await expect.poll(() => page.getByTestId('nb-setup').textContent()).toContain('setup: 2 min');
      await saved(page);
    } catch (err) {
      await screenshot(page, 'timers-round-trip');
      throw err;
    } finally {
      await context.close();
    }

    // The server holds each segment with its kind, the treatment runs toward the service, and the fields apart.
    const stored = await api.call<VisitJson>('GET', `/visits/${encodeURIComponent(visitId)}`);
    expect(stored.segments.map((g) => [g.kind, g.serviceOrdinal])).toEqual([
      ['treatment', 0],
      ['rest', null],
      ['treatment', 0],
      ['setup', null],
      ['treatment', 0],
    ]);
    expect(stored.services[0]).toMatchObject({ minutes: 22, description: TASK, assistance: ASSIST });
    expect(stored.nonBillable).toEqual([
      { kind: 'rest', minutes: 3, note: 'timer pause' },
      { kind: 'setup', minutes: 2, note: 'timer pause' },
    ]);

    // Another device opens the note: the same minutes, pauses and fields; its next save keeps the rest and setup.
    const second = await device(new Date(T0.getTime() + 60 * MIN));
    try {
      await openNote(second.page, visitId);
      const act = second.page.getByRole('region', { name: /^Activity 1/ });
      expect(await minutesOf(second.page, 1).inputValue()).toBe('22');
      expect(await act.getByText('From the timer.').count()).toBe(1);
      expect(await second.page.getByTestId('nb-rest').textContent()).toContain('rest: 3 min');
      expect(await second.page.getByTestId('nb-setup').textContent()).toContain('setup: 2 min');
      expect(await act.getByLabel('What was done').inputValue()).toBe(TASK);
      expect(await act.getByLabel('Assistance and cueing').inputValue()).toBe(ASSIST);
      // The timer log lists every run with its kind, as the server keeps them.
      await second.page.getByText(/^Timer log/).click();
      const runs = await second.page.getByTestId('timer-run').allTextContents();
      // Seconds may run on a little between a click and the clock's jump: minutes exact, seconds loose.
      const expected = [
        /^Activity 1 \(97530\) · 12:0\d$/,
        /^Rest \(not billed\) · 3:0\d$/,
        /^Activity 1 \(97530\) · 6:0\d$/,
        /^Setup \(not billed\) · 2:0\d$/,
        /^Activity 1 \(97530\) · 4:0\d$/,
      ];
      expect(runs).toHaveLength(expected.length);
      for (const [i, r] of runs.entries()) expect(r.split(' · ').slice(1).join(' · ')).toMatch(expected[i] ?? /^$/);
      await second.page
        .getByLabel('Patient response and progress toward goals')
        .fill('Tolerated well; stood 4 times in 15 seconds.');
      await saved(second.page);
    } catch (err) {
      await screenshot(second.page, 'timers-round-trip-reload');
      throw err;
    } finally {
      await second.context.close();
    }
    const after = await api.call<VisitJson>('GET', `/visits/${encodeURIComponent(visitId)}`);
    expect(after.nonBillable).toEqual(stored.nonBillable);
    // The same runs (ids are the store's own and change on each save).
    const runs = (v: VisitJson) =>
      v.segments.map(({ kind, serviceOrdinal, startedAt, endedAt }) => ({ kind, serviceOrdinal, startedAt, endedAt }));
    expect(runs(after)).toEqual(runs(stored));
    expect(after.services[0]).toMatchObject({ minutes: 22, assistance: ASSIST });
  });

  it('a reopened activity saved at 0 minutes, timed for five minutes, has 5 minutes', async () => {
    const first = await device();
    let visitId = '';
    try {
      visitId = await startNote(first.page);
      await first.page.getByRole('button', { name: 'Add activity' }).click();
      await first.page
        .getByRole('region', { name: /^Activity 1/ })
        .getByLabel('What was done')
        .fill(TASK);
      await saved(first.page);
      expect(await minutesOf(first.page, 1).inputValue()).toBe('0');
    } finally {
      await first.context.close();
    }
    const { context, page } = await device(new Date(T0.getTime() + 30 * MIN));
    try {
      await openNote(page, visitId);
      await page.getByRole('button', { name: 'Start timer for activity 1' }).click();
      await page.clock.fastForward('05:00');
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect.poll(() => minutesOf(page, 1).inputValue()).toBe('5');
      expect(await page.getByText(/Corrected by hand/).count()).toBe(0);
      await saved(page);
      // A correction typed after the run stands, and says so.
      await minutesOf(page, 1).fill('4');
      await expect.poll(() => page.getByText('Corrected by hand (timer: 5 min).').count()).toBe(1);
      await saved(page);
    } catch (err) {
      await screenshot(page, 'timers-reopen-and-time');
      throw err;
    } finally {
      await context.close();
    }
    const stored = await api.call<VisitJson>('GET', `/visits/${encodeURIComponent(visitId)}`);
    expect(stored.services[0]?.minutes).toBe(4);
    expect(stored.segments.map((g) => [g.kind, g.serviceOrdinal, g.endedAt !== null])).toEqual([
      ['treatment', 0, true],
    ]);
  });

  it('a tab closed while the timer ran: reopened, it shows the time since and stops where the note was left', async () => {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    let page = await context.newPage();
    let visitId = '';
    let startedAt = 0;
    let closedAt = 0;
    try {
      await page.clock.install({ time: T0 });
      await page.goto(server.url);
      await page.getByLabel('Email').fill(c.therapist.email);
      await page.getByLabel('Password').fill(c.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      visitId = await startNote(page);
      await page.getByRole('button', { name: 'Add activity' }).click();
      await page
        .getByRole('region', { name: /^Activity 1/ })
        .getByLabel('What was done')
        .fill(TASK);
      startedAt = await page.evaluate(() => Date.now());
      await page.getByRole('button', { name: 'Start timer for activity 1' }).click();
      await saved(page);
      await page.clock.fastForward('05:00');
      // The open note notes every 15 s that it is still open; one more beat after the jump.
      await page.clock.runFor(16_000);
      closedAt = await page.evaluate(() => Date.now());
      await page.close();

      // The server kept the running timer: its start instant, no end.
      const open = await api.call<VisitJson>('GET', `/visits/${encodeURIComponent(visitId)}`);
      expect(open.segments).toHaveLength(1);
      expect(open.segments[0]).toMatchObject({ kind: 'treatment', serviceOrdinal: 0, endedAt: null });
      expect(Math.abs(Date.parse(open.segments[0]?.startedAt ?? '') - startedAt)).toBeLessThan(2000);

      // Twenty minutes later the tab is opened again on the same device.
      page = await context.newPage();
      await page.clock.install({ time: new Date(closedAt + 20 * MIN) });
      await openNote(page, visitId);
      const prompt = page.getByRole('alertdialog', { name: 'The timer is still running' });
      await prompt.waitFor();
      // The elapsed time since the start shows, both in the question and on the running timer.
      expect(await prompt.textContent()).toMatch(/has run 2[56]:\d\d since 3:00 PM/);
      expect(await page.getByRole('timer').first().getAttribute('aria-label')).toMatch(/^Timer 2[56]:\d\d$/);
      await prompt.getByRole('button', { name: /^Stop at / }).click();
      await expect.poll(() => prompt.count()).toBe(0);
      await expect.poll(() => minutesOf(page, 1).inputValue()).toBe('5');
      expect(await page.getByText('Timer stopped').count()).toBe(1);
      await saved(page);
    } catch (err) {
      await screenshot(page, 'timers-tab-closed');
      throw err;
    } finally {
      await context.close();
    }
    const stopped = await api.call<VisitJson>('GET', `/visits/${encodeURIComponent(visitId)}`);
    expect(stopped.services[0]?.minutes).toBe(5);
    const seg = stopped.segments[0];
    const ranFor = Date.parse(seg?.endedAt ?? '') - Date.parse(seg?.startedAt ?? '');
    // Stopped where the closed tab was last known open (5 min and one beat), not when it was reopened.
    expect(ranFor).toBeGreaterThanOrEqual(5 * MIN);
    expect(ranFor).toBeLessThan(6 * MIN);
  });

  it('"Stop now" on a reopened tab counts the time the tab was closed', async () => {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    let page = await context.newPage();
    try {
      await page.clock.install({ time: T0 });
      await page.goto(server.url);
      await page.getByLabel('Email').fill(c.therapist.email);
      await page.getByLabel('Password').fill(c.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      const visitId = await startNote(page);
      await page.getByRole('button', { name: 'Add activity' }).click();
      await page.getByRole('button', { name: 'Start timer for activity 1' }).click();
      await saved(page);
      await page.clock.fastForward('03:00');
      const closedAt = await page.evaluate(() => Date.now());
      await page.close();
      page = await context.newPage();
      await page.clock.install({ time: new Date(closedAt + 9 * MIN) });
      await openNote(page, visitId);
      const prompt = page.getByRole('alertdialog', { name: 'The timer is still running' });
      await prompt.getByRole('button', { name: 'Stop now' }).click();
      await expect.poll(() => minutesOf(page, 1).inputValue()).toBe('12');
    } catch (err) {
      await screenshot(page, 'timers-stop-now');
      throw err;
    } finally {
      await context.close();
    }
  });
});
