import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInApi } from './support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from './support/browser.ts';
import { ensureWebBuilt } from './support/build-web.ts';
import { type ClinicFixture, createClinic } from './support/clinic-setup.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const T0 = new Date('2026-03-02T15:00:00Z');
const WHAT = 'Sit-to-stand transfers from a 17-inch chair, 3 sets of 5';
const ASSIST = 'min assist, verbal cues for hand placement';
const RESPONSE = 'Tolerated treatment well.';

const run = chromiumAvailable();

describe.runIf(run)('browser: starting and signing a note, and the signed note as a record', () => {
  let server: TestServer;
  let browser: Browser;
  let c: ClinicFixture;
  let owner: ApiSession;
  let newPatient = { id: '', name: '' };

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    c = await createClinic(server.url, 'sign');
    owner = await signInApi(server.url, c.owner.email, c.password);
    // A new patient with plans in two disciplines and no visit yet.
    const p = await owner.call<{ id: string }>('POST', '/patients', {
      firstName: 'Noor',
      lastName: 'Newcomer',
      birthDate: '1950-04-02',
      sex: 'F',
    });
    for (const discipline of ['PT', 'OT'] as const) {
      await owner.call('POST', '/plans-of-care', {
        patientId: p.id,
        discipline,
        startDate: '2026-02-25',
        endDate: '2026-05-25',
        certifiedDate: '2026-02-26',
        diagnoses: ['M62.81'],
        goals: [{ id: 'g1', text: 'Dress the upper body independently within 4 weeks' }],
      });
    }
    newPatient = { id: p.id, name: 'Noor Newcomer' };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install({ time: T0 });
    await page.goto(server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(c.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return { context, page };
  }

  async function openChart(page: Page, name: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name: 'Start a note today' }).waitFor();
  }

  it('Start note asks for the discipline among the active plans, starts an evaluation, and backing out leaves no draft', async () => {
    const { context, page } = await signIn(c.therapist.email);
    try {
      await openChart(page, newPatient.name);
      const card = page.getByRole('region', { name: 'Start a note today' });
      const start = card.getByRole('button', { name: 'Start note' });
      expect(await start.isDisabled()).toBe(true);
      const discipline = card.getByLabel('Discipline');
      expect(await discipline.locator('option').allTextContents()).toEqual(['Choose…', 'PT', 'OT']);
      await discipline.selectOption('PT');
      expect(await card.getByLabel('Note type').inputValue()).toBe('evaluation');
      await start.click();
      await page.getByRole('heading', { name: `Evaluation: ${newPatient.name}` }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { name: 'Start a note today' }).waitFor();
      await expect
        .poll(
          async () =>
            (await owner.call<{ items: unknown[] }>('GET', `/visits?patientId=${newPatient.id}`)).items.length,
        )
        .toBe(0);
      await screenshot(page, 'start-note-no-stray-draft');
    } catch (err) {
      await screenshot(page, 'start-note-no-stray-draft');
      throw err;
    } finally {
      await context.close();
    }
  });

  it('an empty note cannot be signed and says what is missing; once complete it signs with the warning read and the attestation, and the signed note holds the whole record', async () => {
    const { context, page } = await signIn(c.therapist.email);
    try {
      await openChart(page, c.patient.name);
      // One PT plan: the discipline comes from it; the patient arrived mid-episode, so a daily note.
      expect(await page.getByText('(from the plan of care)').count()).toBe(1);
      expect(await page.getByLabel('Note type').inputValue()).toBe('daily');
      await page.getByRole('button', { name: 'Start note' }).click();
      await page.getByRole('heading', { name: `Daily note: ${c.patient.name}` }).waitFor();
      const visitId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

      await page.getByRole('button', { name: 'Add activity' }).click();
      const missing = page.getByTestId('sign-missing');
      await expect
        .poll(() => missing.locator('li').allTextContents())
        .toEqual([
          'Enter the time the patient arrived (time in).',
          'Enter the time the patient left (time out).',
          'Describe what was done in activity 1 (97530).',
          'Record at least one activity with its minutes, or an untimed code such as an evaluation.',
        ]);
      await page.getByLabel(/attest that this note reflects the care/).check();
      expect(await page.getByRole('button', { name: 'Sign note' }).isDisabled()).toBe(true);
      await screenshot(page, 'sign-blocked-empty-note');

      await page.getByLabel('Time in').fill('10:00');
      await page.getByLabel('Time out').fill('10:40');
      const act = page.getByRole('region', { name: /^Activity 1/ });
      await act.getByLabel('Minutes').fill('25');
      await act.getByLabel('What was done').fill(WHAT);
      await act.getByLabel('Assistance and cueing').fill(ASSIST);
      await act.getByLabel(c.goal).check();
      await page.getByRole('button', { name: 'Add rest minutes' }).click();
      await page.getByLabel('rest minutes').fill('5');
      await page.getByLabel('Patient response and progress toward goals').fill(RESPONSE);
      await page.clock.fastForward('00:02');
      await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Saved');
      await expect.poll(() => missing.count()).toBe(0);

      // The response says nothing about progress: a warning to read and confirm once.
      const warnings = page.getByTestId('sign-warnings');
      await expect.poll(() => warnings.textContent()).toContain('says nothing about progress');
      const sign = page.getByRole('button', { name: 'Sign note' });
      expect(await sign.isDisabled()).toBe(true);
      await warnings.getByRole('checkbox').check();
      await expect.poll(() => sign.isDisabled()).toBe(false);
      await sign.click();

      const banner = page.getByTestId('signed-banner');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.textContent()).toMatch(/Signed by Pat Therapist sign, PT on \S+/);
      const attestation = page.getByTestId('attestation');
      expect(await attestation.textContent()).toContain(
        'I, Pat Therapist sign, PT, attest that this note reflects the care I furnished or supervised on 2026-03-02.',
      );
      expect(await attestation.textContent()).toContain('says nothing about progress');
      const times = await page.getByTestId('note-times').textContent();
      expect(times).toContain('Time in10:00');
      expect(times).toContain('Time out10:40');
      expect(times).toContain('Total timed minutes25');
      expect(times).toContain('Total treatment minutes25');
      const row = page.getByTestId('note-services').locator('tbody tr').first();
      const cells = await row.locator('th, td').allTextContents();
      expect(cells[0]).toContain('97530');
      expect(cells.slice(1, 4)).toEqual(['25', '2', 'GP']);
      expect(`${cells[4]} ${cells[5]}`).toContain(WHAT);
      expect(`${cells[4]} ${cells[5]}`).toContain(ASSIST);
      expect(cells[6]).toBe(c.goal);
      expect(await page.getByTestId('note-non-billable').textContent()).toContain('rest: 5 min');
      expect(await page.getByTestId('note-response').textContent()).toBe(RESPONSE);

      await page.getByLabel('New addendum').fill('Late entry: home program reviewed with the patient.');
      await page.getByRole('button', { name: 'Add addendum' }).click();
      await expect.poll(() => page.getByTestId('note-addenda').textContent()).toContain('Pat Therapist sign, PT,');
      await screenshot(page, 'signed-note-record');

      // The same confirmation is kept with the signature on the server and in the audit log.
      const stored = await owner.call<{ attestation: { credential: string; warningsConfirmed: { rule: string }[] } }>(
        'GET',
        `/visits/${visitId}`,
      );
      expect(stored.attestation.credential).toBe('PT');
      expect(stored.attestation.warningsConfirmed.map((w) => w.rule)).toEqual(['missing-response']);
      const log = await owner.call<{ items: { entityId: string; detail: Record<string, unknown> }[] }>(
        'GET',
        '/audit-log?action=visit.sign',
      );
      expect(log.items.find((e) => e.entityId === visitId)?.detail).toMatchObject({
        attested: true,
        warningsConfirmed: [{ rule: 'missing-response', service: null }],
      });
    } catch (err) {
      await screenshot(page, 'signed-note-record');
      throw err;
    } finally {
      await context.close();
    }
  });
});
