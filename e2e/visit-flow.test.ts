import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi } from './support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from './support/browser.ts';
import { ensureWebBuilt } from './support/build-web.ts';
import { type ClinicFixture, createClinic } from './support/clinic-setup.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// The page's clock is fixed and moved by hand, so the timers measure exact minutes without waiting for them.
const T0 = new Date('2026-03-02T15:00:00Z');
const GOOD = 'Sit-to-stand transfers from a 17-inch chair, 3 sets of 5';
const ASSIST = 'min assist, verbal cues for hand placement';

const run = chromiumAvailable();

describe.runIf(run)('browser: document, sign, bill, and keep clinics apart', () => {
  let server: TestServer;
  let browser: Browser;
  let a: ClinicFixture;
  let b: ClinicFixture;
  let visitId = '';

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    [a, b] = [await createClinic(server.url, 'a'), await createClinic(server.url, 'b')];
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install({ time: T0 });
    await page.goto(server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return { context, page };
  }

  it('a therapist documents a 97530 visit with two timed activities and a rest, fixes a vague description, signs', async () => {
    const { context, page } = await signIn(a.therapist.email, a.password);
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
      await page.getByRole('link', { name: a.patient.name }).click();
      await page.getByRole('button', { name: 'Start note' }).click();
      await page.getByRole('heading', { name: `Daily note: ${a.patient.name}` }).waitFor();
      visitId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

      await page.getByLabel('Time in').fill('10:00');
      await page.getByLabel('Time out').fill('10:30');

      // Activity 1: timed 12 minutes, then a 3-minute rest on the pause button.
      await page.getByRole('button', { name: 'Add activity' }).click();
      const act1 = page.getByRole('region', { name: /^Activity 1/ });
      await act1.getByLabel('What was done').fill('Therapeutic activities');
      await act1.getByLabel(a.goal).check();
      await page.getByRole('button', { name: 'Start timer for activity 1' }).click();
      await page.clock.fastForward('12:00');
      await page.getByRole('button', { name: 'Pause: Rest' }).click();
      await page.clock.fastForward('03:00');

      // Activity 2: switching to it ends the rest; 11 minutes, then stop.
      await page.getByRole('button', { name: 'Add activity' }).click();
      const act2 = page.getByRole('region', { name: /^Activity 2/ });
      await act2.getByLabel('What was done').fill('Therapeutic activities');
      await act2.getByLabel(a.goal).check();
      await page.getByRole('button', { name: 'Start timer for activity 2' }).click();
      await page.clock.fastForward('11:00');
      await page.getByRole('button', { name: 'Stop', exact: true }).click();

      await expect.poll(() => act1.getByLabel('Minutes').inputValue()).toBe('12');
      await expect.poll(() => act2.getByLabel('Minutes').inputValue()).toBe('11');
      await expect.poll(() => page.getByTestId('nb-rest').textContent()).toContain('rest: 3 min');
      // 23 pooled minutes of 97530 under Medicare: 2 units (Pub. 100-04 Ch. 5 §20.2, 23-37 minutes).
      await expect.poll(() => page.getByTestId('total-units').textContent()).toBe('2');
      await expect.poll(() => page.locator('[data-rule="vague-description"]').count()).toBeGreaterThan(0);

      await page
        .getByLabel('Patient response and progress toward goals')
        .fill('Tolerated well; sit-to-stand improving toward goal.');
      for (const act of [act1, act2]) {
        await act.getByLabel('What was done').fill(GOOD);
        await act.getByLabel('Assistance and cueing').fill(ASSIST);
      }
      await expect.poll(() => page.locator('[data-rule="vague-description"]').count()).toBe(0);
      await page.clock.fastForward('00:02');
      await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Saved');

      // Signing ends with the warnings read (when any stand) and the attestation confirmed.
      const warnings = page.getByTestId('sign-warnings');
      if ((await warnings.count()) > 0) await warnings.getByRole('checkbox').check();
      await page.getByLabel(/attest that this note reflects the care/).check();
      await page.getByRole('button', { name: 'Sign note' }).click();
      await page.getByTestId('signed-banner').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('signed-banner').textContent()).toContain('Signed');
      await screenshot(page, 'therapist-signed-visit');
    } catch (err) {
      await screenshot(page, 'therapist-signed-visit');
      throw err;
    } finally {
      await context.close();
    }
  });

  it('a progress report with goal status keeps its draft through a lost network and a reload', async () => {
    const { context, page } = await signIn(a.therapist.email, a.password);
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
      await page.getByRole('link', { name: a.patient.name }).click();
      await page.getByLabel('Note type').selectOption('progress-report');
      await page.getByRole('button', { name: 'Start note' }).click();
      await page.getByRole('heading', { name: `Progress report: ${a.patient.name}` }).waitFor();
      await page.getByRole('button', { name: 'Add activity' }).click();
      const act = page.getByRole('region', { name: /^Activity 1/ });
      await act.getByLabel('Minutes').fill('20');
      await act.getByLabel('What was done').fill(GOOD);
      const goal = page.getByRole('group', { name: 'Goal status' });
      await goal.getByLabel('Status').selectOption('met');
      await goal.getByLabel('Measure today').fill('5 sit-to-stands in 13 s without hands');
      await page.clock.fastForward('00:02');
      await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Saved');

      await context.setOffline(true);
      await page
        .getByLabel('Patient response and progress toward goals')
        .fill('Goal met; continue plan for gait goal.');
      await page.clock.fastForward('00:02');
      await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Offline');

      await context.setOffline(false);
      await page.clock.fastForward('00:16');
      await expect
        .poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 })
        .toMatch(/Back online|Saved/);

      await page.reload();
      await page.getByRole('heading', { name: `Progress report: ${a.patient.name}` }).waitFor();
      expect(await page.getByLabel('Patient response and progress toward goals').inputValue()).toBe(
        'Goal met; continue plan for gait goal.',
      );
      expect(await page.getByRole('group', { name: 'Goal status' }).getByLabel('Status').inputValue()).toBe('met');
      await screenshot(page, 'therapist-progress-report-offline');
    } catch (err) {
      await screenshot(page, 'therapist-progress-report-offline');
      throw err;
    } finally {
      await context.close();
    }
  });

  it('the biller finds the signed visit in charge review with its expected payment', async () => {
    expect(visitId).not.toBe('');
    const owner = await signInApi(server.url, a.owner.email, a.password);
    const stored = await owner.call<{ status: string; estimate: { totalCents: number } }>('GET', `/visits/${visitId}`);
    expect(stored.status).toBe('signed');
    expect(stored.estimate.totalCents).toBeGreaterThan(0);
    const dollars = `$${Math.floor(stored.estimate.totalCents / 100)}.${String(stored.estimate.totalCents % 100).padStart(2, '0')}`;

    const { context, page } = await signIn(a.biller.email, a.password);
    try {
      await page.getByRole('heading', { name: 'Charge review' }).waitFor();
      const row = page.locator(`tr[data-visit="${visitId}"]`);
      await row.waitFor();
      expect(await row.getByTestId('expected-payment').textContent()).toBe(dollars);
      expect(await row.textContent()).toContain('97530');
      await row.getByRole('link', { name: 'Open' }).click();
      await page.getByTestId('signed-banner').waitFor();
      expect(await page.getByRole('button', { name: 'Add addendum' }).count()).toBe(0);
      await page.goBack();
      await page.locator(`tr[data-visit="${visitId}"]`).waitFor();
      await screenshot(page, 'biller-charge-review');
    } catch (err) {
      await screenshot(page, 'biller-charge-review');
      throw err;
    } finally {
      await context.close();
    }
  });

  it('the owner imports a case file: a progress bar, then what went in and what was refused', async () => {
    const visit = (id: string, code: string, minutes: number) => ({
      id,
      patientId: 'CF-1',
      date: '2026-02-24',
      discipline: 'PT',
      provider: { credential: 'PT' },
      services: [
        {
          code,
          minutes,
          modifiers: ['GP'],
          goalIds: ['g1'],
          description: 'Sit-to-stand transfers, 3 sets of 5; min assist',
        },
      ],
    });
    const file = {
      patients: [
        {
          id: 'CF-1',
          payer: 'medicare',
          plansOfCare: [
            {
              id: 'poc-cf',
              discipline: 'PT',
              startDate: '2026-02-20',
              endDate: '2026-05-20',
              certifiedDate: '2026-02-21',
              goals: [{ id: 'g1', text: 'Walk 300 feet with a cane within 6 weeks' }],
            },
          ],
        },
      ],
      visits: [visit('cf-v1', '97530', 30), visit('cf-v2', '9753', 20)],
    };
    const { context, page } = await signIn(a.owner.email, a.password);
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
      await page.getByLabel('Case file (JSON, JSONL or CSV)').setInputFiles({
        name: 'case.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      const report = page.getByRole('status').filter({ hasText: 'Imported' });
      await report.waitFor({ timeout: 20_000 });
      expect(await report.textContent()).toContain('Imported 2 records; refused 1.');
      expect(await report.textContent()).toContain('visits[1] (cf-v2)');
      expect(await page.getByLabel('Import progress').getAttribute('value')).toBe('3');
      await report.scrollIntoViewIfNeeded();
      await screenshot(page, 'owner-import-report');
    } catch (err) {
      await screenshot(page, 'owner-import-report');
      throw err;
    } finally {
      await context.close();
    }
  });

  it('a user of another clinic cannot open the visit', async () => {
    expect(visitId).not.toBe('');
    const { context, page } = await signIn(b.owner.email, b.password);
    try {
      await page.goto(`${server.url}/visits/${encodeURIComponent(visitId)}`);
      await page.getByRole('alert').filter({ hasText: 'Not found' }).waitFor();
      expect(await page.textContent('main')).not.toContain(a.patient.name);
      await screenshot(page, 'other-clinic-refused');
    } catch (err) {
      await screenshot(page, 'other-clinic-refused');
      throw err;
    } finally {
      await context.close();
    }
  });
});
