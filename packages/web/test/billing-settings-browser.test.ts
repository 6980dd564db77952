/**
 * The Billing settings screen in a real browser against a real server: a biller of a new clinic opens it, types
 * the billing provider with a mistyped NPI and reads why it is wrong, is refused a save while it stands, corrects
 * it, saves, gives the payer its id and fills the charges from the illustrative sample; the server keeps exactly
 * that. Skipped with the reason printed when chromium is missing (and failing under CI, as the other browser tests do).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInApi } from '../../../e2e/support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from '../../../e2e/support/browser.ts';
import { ensureWebBuilt } from '../../../e2e/support/build-web.ts';
import { type ClinicFixture, createClinic } from '../../../e2e/support/clinic-setup.ts';
import { startTestServer, type TestServer } from '../../../e2e/support/server.ts';

const run = chromiumAvailable();

describe.runIf(run)('browser: a biller fills in Billing settings', () => {
  let server: TestServer;
  let browser: Browser;
  let a: ClinicFixture;
  let biller: ApiSession;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    a = await createClinic(server.url, 'billset');
    biller = await signInApi(server.url, a.biller.email, a.password);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('explains an invalid NPI as it is typed, refuses to save it, and saves the corrected settings', async () => {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.getByLabel('Email').fill(a.biller.email);
      await page.getByLabel('Password').fill(a.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Billing settings' }).click();
      await page.getByRole('heading', { name: 'Billing settings', level: 1 }).waitFor();

      const bp = page.getByRole('group', { name: 'Billing provider' });
      await bp.getByLabel('Name', { exact: true }).fill('Walker Physical Therapy');
      // A typo in the last digit: the check digit no longer matches.
      await bp.getByLabel('NPI').fill('1730284912');
      const npiError = bp.getByText(
        /last digit of this NPI does not match the others \(check digit\): check for a typo/,
      );
      await npiError.waitFor();
      expect(await bp.getByLabel('NPI').getAttribute('aria-invalid')).toBe('true');
      await bp.getByLabel('Tax id (EIN)').fill('84-2714593');
      await bp.getByLabel('Street address').fill('2150 River Road');
      await bp.getByLabel('City').fill('Springfield');
      await bp.getByLabel('State').fill('IL');
      await bp.getByLabel('ZIP+4').fill('62704');
      await bp.getByText(/needs a ZIP\+4/).waitFor();
      await bp.getByLabel('ZIP+4').fill('62704-3319');
      const parties = page.getByRole('group', { name: 'Submitter and receiver' });
      await parties.getByLabel('Submitter name').fill('Walker Physical Therapy');
      await parties.getByLabel('Submitter id').fill('WALKERPT01');
      await parties.getByLabel('Receiver name').fill('Example Clearinghouse');
      await parties.getByLabel('Receiver id').fill('CLEARING01');
      await screenshot(page, 'billing-settings-invalid-npi');

      await page.getByRole('button', { name: 'Save billing settings' }).click();
      await page.getByText('1 field needs a fix before saving (shown in red).').waitFor();
      expect((await biller.call<{ configured: boolean }>('GET', '/claim-settings')).configured).toBe(false);

      await bp.getByLabel('NPI').fill('1730284910');
      await expect.poll(() => npiError.count()).toBe(0);
      await page.getByRole('button', { name: 'Save billing settings' }).click();
      await page.getByText(/Billing settings saved/).waitFor();

      await page.getByLabel('Medicare Part B: payer id').fill('12202');
      await page.getByRole('button', { name: 'Save payer ids' }).click();
      await page.getByText('Payer ids saved.').waitFor();

      await page.getByRole('button', { name: 'Fill empty charges from the illustrative sample' }).click();
      await page.getByLabel('Charge for 97110').fill('62.50');
      await page.getByRole('button', { name: 'Save charges' }).click();
      await page.getByText(/Charges saved for \d+ codes/).waitFor();
      await screenshot(page, 'billing-settings-saved');

      const saved = await biller.call<{
        configured: boolean;
        settings: { billingProvider: { npi: string; address: { zip: string } }; chargeMaster: Record<string, number> };
      }>('GET', '/claim-settings');
      expect(saved.configured).toBe(true);
      expect(saved.settings.billingProvider).toMatchObject({ npi: '1730284910', address: { zip: '62704-3319' } });
      expect(saved.settings.chargeMaster).toMatchObject({ '97110': 6250, '97530': 7100 });
      const payers = await biller.call<{ items: { name: string; x12PayerId: string | null }[] }>('GET', '/payers');
      expect(payers.items.map((p) => p.x12PayerId)).toEqual(['12202']);
    } finally {
      await context.close();
    }
  }, 120_000);
});
