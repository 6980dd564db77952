/**
 * Patient intake in a real browser against a real server: a therapist adds a patient with address, phone, a
 * diagnosis found by words and a referring physician, seeing ZIP and NPI problems as they type and no insurance
 * fields (the form says who adds insurance); a biller adds a patient with insurance in one step, and a failed
 * save writes nothing; the chart shows what a claim still lacks and edits it. Skipped with the reason printed when
 * chromium is missing (and failing under CI, as the other browser tests do).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInApi } from '../../../e2e/support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from '../../../e2e/support/browser.ts';
import { ensureWebBuilt } from '../../../e2e/support/build-web.ts';
import { type ClinicFixture, createClinic } from '../../../e2e/support/clinic-setup.ts';
import { startTestServer, type TestServer } from '../../../e2e/support/server.ts';

const run = chromiumAvailable();

interface PatientJson {
  id: string;
  lastName: string;
  address: { line1: string; city: string; state: string; postalCode: string } | null;
  phone: string | null;
  diagnoses: string[];
  referringProvider: { firstName: string; lastName: string; npi: string } | null;
}

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/patients`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('heading', { name: 'Add a patient' }).waitFor();
}

async function findPatient(api: ApiSession, lastName: string): Promise<PatientJson[]> {
  const page = await api.call<{ items: PatientJson[] }>('GET', `/patients?search=${encodeURIComponent(lastName)}`);
  return page.items.filter((p) => p.lastName === lastName);
}

describe.runIf(run)('browser: patient intake and the chart’s claim details', () => {
  let server: TestServer;
  let browser: Browser;
  let a: ClinicFixture;
  let owner: ApiSession;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    a = await createClinic(server.url, 'intake');
    owner = await signInApi(server.url, a.owner.email, a.password);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a therapist adds a billable patient: live ZIP and NPI checks, diagnosis by words, no insurance offered', async () => {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, a.therapist.email, a.password);
      const form = page.getByRole('form', { name: 'Add a patient' });
      await expect.poll(() => form.getByTestId('coverage-note').textContent()).toMatch(/biller or the clinic owner/);
      expect(await form.getByLabel('Member id').count()).toBe(0);
      await form.getByLabel('First name', { exact: true }).fill('Ida');
      await form.getByLabel('Last name', { exact: true }).fill('Intakeone');
      await form.getByLabel('Date of birth').fill('1951-07-04');
      await form.getByLabel('Sex').selectOption('F');
      await form.getByLabel('Street address').fill('12 Oak Ave');
      await form.getByLabel('City').fill('Dayton');
      await form.getByLabel('State').fill('OH');
      await form.getByLabel('ZIP').fill('4540');
      await expect.poll(() => form.getByText('A ZIP code is five digits, or nine as 12345-6789.').count()).toBe(1);
      await form.getByLabel('ZIP').fill('45402');
      await expect.poll(() => form.getByText('A ZIP code is five digits').count()).toBe(0);
      await form.getByLabel('Phone').fill('937-555-0142');
      await form.getByLabel('Find a diagnosis by code or words').fill('knee osteo right');
      await form.getByRole('button', { name: 'M17.11 Unilateral primary osteoarthritis, right knee' }).click();
      await form.getByLabel('Find a diagnosis by code or words').fill('R26.8');
      await form.getByRole('button', { name: 'R26.81 Unsteadiness on feet' }).click();
      await expect.poll(() => form.getByRole('list', { name: 'Chosen diagnoses' }).locator('li').count()).toBe(2);
      await form.getByLabel('Referring first name').fill('Grace');
      await form.getByLabel('Referring last name').fill('Okafor');
      await form.getByLabel('Referring NPI').fill('1245319598');
      await expect.poll(() => form.getByText(/does not match the others \(check digit\)/).count()).toBe(1);
      await form.getByLabel('Referring NPI').fill('1245319599');
      await screenshot(page, 'intake-therapist-form');
      await form.getByRole('button', { name: 'Add patient' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toBe('Patient added.');
      const [p] = await findPatient(owner, 'Intakeone');
      expect(p).toMatchObject({
        address: { line1: '12 Oak Ave', city: 'Dayton', state: 'OH', postalCode: '45402' },
        phone: '937-555-0142',
        diagnoses: ['M17.11', 'R26.81'],
        referringProvider: { firstName: 'Grace', lastName: 'Okafor', npi: '1245319599' },
      });
      const covs = await owner.call<{ items: unknown[] }>('GET', `/patients/${p?.id}/coverages`);
      expect(covs.items).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a biller adds patient and insurance in one step; a failed save says nothing was saved and writes nothing', async () => {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, a.biller.email, a.password);
      const form = page.getByRole('form', { name: 'Add a patient' });
      await form.getByLabel('First name', { exact: true }).fill('Bo');
      await form.getByLabel('Last name', { exact: true }).fill('Intaketwo');
      await form.getByLabel('Date of birth').fill('1949-02-03');
      await form.getByLabel('Primary payer').selectOption({ label: 'Medicare Part B' });
      await form.getByLabel('Coverage from').fill('2026-01-01');
      // No member id: the server refuses the whole request, patient included.
      await form.getByRole('button', { name: 'Add patient' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Nothing was saved\./);
      await expect.poll(() => form.locator('.field-error').filter({ hasText: 'Required.' }).count()).toBe(1);
      expect(await findPatient(owner, 'Intaketwo')).toEqual([]);
      await form.getByLabel('Member id').fill('1EG4TE5MK73');
      await form.getByRole('button', { name: 'Add patient' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toBe('Patient and insurance added.');
      const [p] = await findPatient(owner, 'Intaketwo');
      const covs = await owner.call<{ items: { memberId: string }[] }>('GET', `/patients/${p?.id}/coverages`);
      expect(covs.items.map((c) => c.memberId)).toEqual(['1EG4TE5MK73']);
    } finally {
      await context.close();
    }
  });

  it('the chart says what a claim still lacks and edits address, diagnoses and referral', async () => {
    const bare = await owner.call<{ id: string }>('POST', '/patients', {
      firstName: 'Cy',
      lastName: 'Intakethree',
      birthDate: '1955-05-05',
      sex: 'M',
    });
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 1200 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, a.biller.email, a.password);
      await page.goto(`${server.url}/patients/${bare.id}`);
      const card = page.getByTestId('claim-details');
      await expect
        .poll(() => card.getByRole('note').textContent())
        .toBe('Claims for this patient are held back until the address, diagnoses, referring provider are added.');
      await card.getByRole('button', { name: 'Edit address, diagnoses and referral' }).click();
      await card.getByLabel('Street address').fill('3 Elm St');
      await card.getByLabel('City').fill('Xenia');
      await card.getByLabel('State').fill('oh');
      await card.getByLabel('ZIP').fill('45385-1234');
      await card.getByLabel('Find a diagnosis by code or words').fill('dysphagia oropharyngeal');
      await card.getByRole('button', { name: 'R13.12 Dysphagia, oropharyngeal phase' }).click();
      await card.getByLabel('Referring first name').fill('Helen');
      await card.getByLabel('Referring last name').fill('Park');
      await card.getByLabel('Referring NPI').fill('1679576722');
      await card.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => card.getByText('3 Elm St, Xenia, OH 45385-1234').count()).toBe(1);
      await expect.poll(() => card.getByRole('note').count()).toBe(0);
      await expect.poll(() => card.getByText('Helen Park, NPI 1679576722').count()).toBe(1);
      // The biller adds the insurance on the chart, where the therapist's intake form said it is added.
      const insurance = page.getByRole('form', { name: 'Add insurance' });
      await insurance.getByLabel('Payer').selectOption({ label: 'Medicare Part B' });
      await insurance.getByLabel('Member id').fill('2FH5UF6NL84');
      await insurance.getByLabel('Coverage from').fill('2026-01-01');
      await insurance.getByRole('button', { name: 'Add insurance' }).click();
      await expect.poll(() => page.getByText(/Primary: Medicare Part B · member 2FH5UF6NL84/).count()).toBe(1);
      await screenshot(page, 'intake-chart-details');
      const p = await owner.call<PatientJson>('GET', `/patients/${bare.id}`);
      expect(p.diagnoses).toEqual(['R13.12']);
      expect(p.address?.state).toBe('OH');
    } finally {
      await context.close();
    }
  });
});
