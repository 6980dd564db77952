/**
 * A biller's day in a real browser against a real server: charge review names the payer and holds a visit with a
 * reason (and shows it), the build says what it will bill and leaves the held visit out, the hold is released with
 * a reason, every held claim is rebuilt in one action after a fix, and after the 837P and an 835 the claim detail
 * page shows lines, scrub results, the 837P file (downloadable), payments and adjustments in plain words and the
 * history; the remittance detail shows its claims matched; the denial report names the payer. Skipped with the
 * reason printed when chromium is missing (and failing under CI, as the other browser tests do).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInApi } from '../../../e2e/support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from '../../../e2e/support/browser.ts';
import { ensureWebBuilt } from '../../../e2e/support/build-web.ts';
import { type ClinicFixture, createClinic } from '../../../e2e/support/clinic-setup.ts';
import { startTestServer, type TestServer } from '../../../e2e/support/server.ts';
import { signed97110Visit as signedVisit } from '../../../e2e/support/signed-visit.ts';
import { make835 } from '../../server/test/helpers/claims-835.ts';
import { SETTINGS_BODY } from '../../server/test/helpers/claims-fixtures.ts';

const run = chromiumAvailable();

/** The app's main navigation (the detail pages have their own back links with the same words). */
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The charge review row of a visit. */
const chargeRow = (page: Page, visitId: string) => page.getByTestId('charges').locator(`tr[data-visit="${visitId}"]`);

describe.runIf(run)('browser: charge review holds, build preview, rebuild all, claim and remittance detail', () => {
  let server: TestServer;
  let browser: Browser;
  let a: ClinicFixture;
  let biller: ApiSession;
  const visitIds: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    a = await createClinic(server.url, 'billerday');
    const owner = await signInApi(server.url, a.owner.email, a.password);
    const providers = await owner.call<{ items: { id: string; userId: string | null }[] }>('GET', '/providers');
    const providerId = providers.items.find((p) => p.userId === a.therapist.id)?.id ?? '';
    const pt = await signInApi(server.url, a.therapist.email, a.password);
    visitIds.push(await signedVisit(pt, a, providerId, '2026-03-02'));
    visitIds.push(await signedVisit(pt, a, providerId, '2026-03-04'));
    biller = await signInApi(server.url, a.biller.email, a.password);
    await biller.call('PUT', '/claim-settings', SETTINGS_BODY);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a biller holds and releases a visit, builds by dates, rebuilds held claims and reads a claim in full', async () => {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const [first = '', second = ''] = visitIds;
    try {
      await page.goto(`${server.url}/charges`);
      await page.getByLabel('Email').fill(a.biller.email);
      await page.getByLabel('Password').fill(a.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await nav(page).getByRole('link', { name: 'Charge review' }).click();
      await page.getByLabel('From').fill('2026-03-01');
      await page.getByLabel('To', { exact: true }).fill('2026-03-31');
      await expect.poll(() => page.getByTestId('charges').locator('tbody tr').count()).toBe(2);
      // The payer by name, not the policy id its rules come from.
      await expect.poll(() => chargeRow(page, first).textContent()).toContain('Medicare Part B');
      expect(await chargeRow(page, first).textContent()).toContain('Not billed yet');

      // Hold the second visit: a reason is asked for, then shown in the row.
      await chargeRow(page, second)
        .getByRole('button', { name: /^Hold the visit/ })
        .click();
      await chargeRow(page, second).getByRole('button', { name: 'Hold from billing' }).click();
      await expect.poll(() => chargeRow(page, second).getByRole('alert').textContent()).toMatch(/Say why/);
      await chargeRow(page, second).getByLabel('Why it must wait').fill('Waiting for the signed referral');
      await chargeRow(page, second).getByRole('button', { name: 'Hold from billing' }).click();
      await expect
        .poll(() => chargeRow(page, second).getByTestId('hold-reason').textContent())
        .toContain('Waiting for the signed referral');
      await screenshot(page, 'charge-review-hold');

      // The build says what it will bill, and leaves the held visit out.
      await nav(page).getByRole('link', { name: 'Claims' }).click();
      await page.getByLabel('Visits from').fill('2026-03-01');
      await page.getByLabel('to', { exact: true }).fill('2026-03-31');
      const preview = page.getByTestId('build-preview');
      await expect.poll(() => preview.textContent()).toMatch(/Will bill 1 signed visit not yet on a claim/);
      expect(await preview.textContent()).toMatch(/Medicare Part B: 1 visit/);
      expect(await preview.textContent()).toMatch(/Left out: 1 visit on hold/);
      await page.getByRole('button', { name: 'Build claims for 1 visit' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/1 claim built: 0 ready, 1 held/);

      // Release the hold with a reason; the next build bills the visit.
      await nav(page).getByRole('link', { name: 'Charge review' }).click();
      await page.getByLabel('From').fill('2026-03-01');
      await chargeRow(page, second)
        .getByRole('button', { name: /^Release the visit/ })
        .click();
      await chargeRow(page, second).getByLabel('Why it can be billed now').fill('Referral received');
      await chargeRow(page, second).getByRole('button', { name: 'Release hold' }).click();
      await expect.poll(() => chargeRow(page, second).textContent()).toContain('Not billed yet');
      await expect.poll(() => chargeRow(page, first).textContent()).toMatch(/Claim [A-Z0-9]+/);
      const holds = await biller.call<{ items: { reason: string; releaseReason: string | null }[] }>(
        'GET',
        `/visits/${second}/holds`,
      );
      expect(holds.items).toEqual([
        expect.objectContaining({ reason: 'Waiting for the signed referral', releaseReason: 'Referral received' }),
      ]);

      await nav(page).getByRole('link', { name: 'Claims' }).click();
      await page.getByLabel('Visits from').fill('2026-03-01');
      await page.getByLabel('to', { exact: true }).fill('2026-03-31');
      await page.getByRole('button', { name: 'Build claims for 1 visit' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/1 claim built/);
      // Both held back: the payer has no X12 payer id. Fix it, then rebuild every held claim in one action.
      const payers = await biller.call<{ items: { id: string }[] }>('GET', '/payers');
      for (const p of payers.items) await biller.call('PATCH', `/payers/${p.id}`, { x12PayerId: '12345' });
      await page.getByRole('button', { name: 'Rebuild all held claims' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toMatch(/2 held claims rebuilt: 2 now ready, 0 still held back/);
      await page.getByRole('button', { name: 'Export 837P' }).click();
      await page.getByRole('link', { name: '837P-000000001.txt' }).waitFor();

      const sent = await biller.call<{
        items: {
          claimNumber: string;
          visitIds?: string[];
          claim: {
            subscriber: { lastName: string; firstName: string; memberId: string };
            lines: {
              code: string;
              modifiers: string[];
              chargeCents: number;
              units: number;
              dateOfService: string;
              controlNumber: string;
            }[];
          };
        }[];
      }>('GET', '/claims?status=exported');
      const byDate = [...sent.items].sort((x, y) =>
        (x.claim.lines[0]?.dateOfService ?? '') < (y.claim.lines[0]?.dateOfService ?? '') ? -1 : 1,
      );
      const text = make835({
        trace: 'DAYEFT1',
        claims: byDate.map((c, i) => ({
          claimNumber: c.claimNumber,
          status: i === 0 ? '1' : '4',
          payerClaimNumber: `DAYPCN${i + 1}`,
          // The patient as our claim named them: an 835 matches only a claim of the same patient.
          patient: {
            lastName: c.claim.subscriber.lastName,
            firstName: c.claim.subscriber.firstName,
            memberId: c.claim.subscriber.memberId,
          },
          lines: c.claim.lines.map((l) => ({
            code: l.code,
            modifiers: l.modifiers,
            chargeCents: l.chargeCents,
            units: l.units,
            date: l.dateOfService,
            control: l.controlNumber,
            paidCents: i === 0 ? l.chargeCents - 2000 : 0,
            adjustments:
              i === 0
                ? [{ group: 'CO', reason: '45', amountCents: 2000 }]
                : [{ group: 'CO', reason: '50', amountCents: l.chargeCents }],
            ...(i === 1 ? { remarks: ['N115'] } : {}),
          })),
        })),
      });
      await biller.call('POST', '/remittances', { text, fileName: 'day.835' });

      // The claim detail page of the paid claim.
      await nav(page).getByRole('link', { name: 'Claims' }).click();
      await page
        .getByTestId('claims')
        .getByRole('link', { name: byDate[0]?.claimNumber ?? '' })
        .click();
      const detail = page.getByTestId('claim-detail');
      await detail.waitFor();
      await expect.poll(() => detail.getByRole('heading', { level: 1 }).textContent()).toMatch(/partly-paid/);
      expect(await page.getByTestId('claim-lines').textContent()).toContain('97110');
      expect(await page.getByTestId('scrub-results').textContent()).toContain('Nothing: the claim can be sent.');
      expect(await page.getByTestId('claim-export').textContent()).toMatch(/Sent in 837P-000000001\.txt/);
      const href = (await page.getByTestId('claim-export').getByRole('link').getAttribute('href')) ?? '';
      const file = await page.evaluate(async (u) => (await fetch(u)).text(), href);
      expect(file).toContain(`CLM*${byDate[0]?.claimNumber}*`);
      const posting = page.getByTestId('posting');
      expect(await posting.textContent()).toMatch(/Processed as primary/);
      expect(await posting.textContent()).toMatch(/CO-45/);
      const history = await page.getByTestId('claim-history').textContent();
      expect(history).toContain('Built from signed visits');
      expect(history).toContain('Rebuilt and scrubbed again');
      expect(history).toContain('Sent in an 837P file');
      expect(history).toContain('Partly paid by the payer');
      await screenshot(page, 'claim-detail');

      // The remittance's own page, from the posting.
      await posting.getByRole('link', { name: 'Open the remittance' }).click();
      const remit = page.getByTestId('remittance-detail');
      await remit.waitFor();
      await expect.poll(() => remit.getByText('matched to our claim').count()).toBe(2);
      expect(await page.getByTestId('remittance-claims').textContent()).toMatch(/CO-50/);
      expect(await page.getByTestId('remittance-claims').textContent()).toMatch(/N115/);

      // The denial report names the payer as its 835 does.
      await nav(page).getByRole('link', { name: 'Remittances' }).click();
      await expect.poll(() => page.getByTestId('denials').textContent()).toContain('EXAMPLE COMMERCIAL PLAN');
      await page.getByTestId('remittances').getByRole('link', { name: 'Open' }).click();
      await page.getByTestId('remittance-detail').waitFor();
    } finally {
      await context.close();
    }
  });
});
