/**
 * The owner's administration in a real browser against a real server: deactivating a user (whose open session ends at
 * once) and adding a provider, whose mistyped NPI is refused in plain words before the corrected one is saved.
 * Skipped with the reason printed when chromium is missing (and failing under CI, as the other browser tests do).
 */
import { npiCheckDigit } from '@unitwise/rules';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi } from '../../../e2e/support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from '../../../e2e/support/browser.ts';
import { ensureWebBuilt } from '../../../e2e/support/build-web.ts';
import { type ClinicFixture, createClinic } from '../../../e2e/support/clinic-setup.ts';
import { startTestServer, type TestServer } from '../../../e2e/support/server.ts';

const run = chromiumAvailable();
const GOOD_NPI = `198765432${npiCheckDigit('198765432')}`;
const TYPO_NPI = `198765432${(Number(npiCheckDigit('198765432')) + 1) % 10}`;

describe.runIf(run)('browser: an owner deactivates a user and adds a provider', () => {
  let server: TestServer;
  let browser: Browser;
  let a: ClinicFixture;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    a = await createClinic(server.url, 'admin');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('deactivates the therapist (their session ends), adds an OT after fixing the NPI, and reads both in the audit log', async () => {
    const pt = await signInApi(server.url, a.therapist.email, a.password);
    await pt.call('GET', '/patients');
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/admin`);
      await page.getByLabel('Email').fill(a.owner.email);
      await page.getByLabel('Password').fill(a.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Administration' }).click();

      const users = page.getByRole('region', { name: 'Users and roles' });
      const row = users.getByRole('row').filter({ hasText: a.therapist.email });
      await row.getByRole('button', { name: 'Deactivate' }).click();
      await row.getByRole('button', { name: 'Deactivate' }).click();
      await expect
        .poll(() => users.getByRole('status').first().textContent())
        .toMatch(/is deactivated: signed out everywhere/);
      await expect.poll(() => row.getByRole('cell', { name: 'Deactivated' }).count()).toBe(1);
      await expect(pt.call('GET', '/patients')).rejects.toThrow(/answered 401/);
      await screenshot(page, 'admin-user-deactivated');

      const providers = page.getByRole('region', { name: 'Providers' });
      const add = providers.getByRole('form', { name: 'Add a provider' });
      await add.getByLabel('Name').fill('Olga Ortiz');
      await add.getByLabel('NPI').fill(TYPO_NPI);
      await add.getByLabel('Discipline').selectOption('OT');
      await add.getByLabel('Credential').selectOption('OT');
      await expect.poll(() => add.getByRole('alert').first().textContent()).toMatch(/check digit/);
      await add.getByRole('button', { name: 'Add provider' }).click();
      const before = await providers.getByRole('row').count();
      expect(await providers.getByRole('row').filter({ hasText: 'Olga Ortiz' }).count()).toBe(0);
      await screenshot(page, 'admin-provider-npi-typo');

      await add.getByLabel('NPI').fill(GOOD_NPI);
      await expect.poll(() => add.getByRole('alert').count()).toBe(0);
      await add.getByRole('button', { name: 'Add provider' }).click();
      const added = providers.getByRole('row').filter({ hasText: 'Olga Ortiz' });
      await expect.poll(() => added.count()).toBe(1);
      expect(await providers.getByRole('row').count()).toBe(before + 1);
      expect(await added.textContent()).toContain(GOOD_NPI);
      const stored = await (await signInApi(server.url, a.owner.email, a.password)).call<{
        items: { name: string; npi: string; discipline: string; credential: string }[];
      }>('GET', '/providers');
      expect(stored.items.find((p) => p.name === 'Olga Ortiz')).toMatchObject({
        npi: GOOD_NPI,
        discipline: 'OT',
        credential: 'OT',
      });

      // Editing: a PTA credential under OT is refused in words; OTA is saved.
      await added.getByRole('button', { name: 'Edit Olga Ortiz' }).click();
      const edit = providers.getByRole('form', { name: 'Edit Olga Ortiz' });
      await edit.getByLabel('Credential').selectOption('PTA');
      await expect.poll(() => edit.getByRole('alert').first().textContent()).toMatch(/A PTA works in PT, not OT/);
      await edit.getByLabel('Credential').selectOption('OTA');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => added.getByRole('cell', { name: 'OTA' }).count()).toBe(1);

      // The audit log names who did what to which record, without raw ids, and hides list views until asked.
      await page.getByRole('link', { name: 'Audit log' }).click();
      const log = page.getByTestId('audit-log');
      const deactivation = log
        .getByRole('row')
        .filter({ hasText: 'Changed user (status)' })
        .filter({ hasText: 'Pat Therapist' });
      await expect.poll(() => deactivation.count()).toBeGreaterThan(0);
      expect(await deactivation.first().textContent()).toContain('Owner admin');
      await expect
        .poll(() =>
          log.getByRole('row').filter({ hasText: 'Added provider' }).filter({ hasText: 'Olga Ortiz' }).count(),
        )
        .toBe(1);
      expect(await log.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
      expect(await log.getByRole('row').filter({ hasText: 'Listed' }).count()).toBe(0);
      await page.getByLabel(/Hide list views/).uncheck();
      await expect.poll(() => log.getByRole('row').filter({ hasText: 'Listed' }).count()).toBeGreaterThan(0);
      await screenshot(page, 'admin-audit-log');
    } finally {
      await context.close();
    }
  });
});
