/**
 * The claims and remittances pages in a real browser against a real server: a biller builds claims from signed
 * visits, exports the 837P and downloads it, uploads the payer's 835, sees the preview (balancing, matched lines,
 * reasons in plain words), posts it, and reads the denial report. Skipped with the reason printed when chromium is
 * missing (and failing under CI, as the other browser tests do).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, signInApi } from '../../../e2e/support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from '../../../e2e/support/browser.ts';
import { ensureWebBuilt } from '../../../e2e/support/build-web.ts';
import { type ClinicFixture, createClinic } from '../../../e2e/support/clinic-setup.ts';
import { signed97110Visit } from '../../../e2e/support/signed-visit.ts';

const KNEE_EXTENSION =
  'Seated knee extension with a 3 lb cuff weight, 3 sets of 10, verbal cues for full extension, to build quadriceps strength for sit to stand.';

/** Signs a visit with the same words each time, as this test always has (the second is a clone of the first). */
const signedVisit = (pt: ApiSession, c: ClinicFixture, providerId: string, date: string) =>
  signed97110Visit(pt, c, providerId, date, KNEE_EXTENSION);

import { startTestServer, type TestServer } from '../../../e2e/support/server.ts';
import { make835 } from '../../server/test/helpers/claims-835.ts';
import { SETTINGS_BODY } from '../../server/test/helpers/claims-fixtures.ts';

const run = chromiumAvailable();

interface ClaimJson {
  claimNumber: string;
  subscriber: { memberId: string; lastName: string; firstName: string };
  lines: {
    code: string;
    modifiers: string[];
    chargeCents: number;
    units: number;
    dateOfService: string;
    controlNumber: string;
  }[];
}

describe.runIf(run)('browser: build and export claims, post an 835, read the denial report', () => {
  let server: TestServer;
  let browser: Browser;
  let a: ClinicFixture;
  let dir: string;
  let biller: ApiSession;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    a = await createClinic(server.url, 'claims');
    const owner = await signInApi(server.url, a.owner.email, a.password);
    const providers = await owner.call<{ items: { id: string; userId: string | null }[] }>('GET', '/providers');
    const providerId = providers.items.find((p) => p.userId === a.therapist.id)?.id ?? '';
    const pt = await signInApi(server.url, a.therapist.email, a.password);
    await signedVisit(pt, a, providerId, '2026-03-02');
    await signedVisit(pt, a, providerId, '2026-03-04');
    biller = await signInApi(server.url, a.biller.email, a.password);
    await biller.call('PUT', '/claim-settings', SETTINGS_BODY);
    browser = await launchChromium();
    dir = mkdtempSync(path.join(tmpdir(), 'unitwise-claims-ui-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a biller builds two claims, exports the 837P, posts the 835 and sees the denial', async () => {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/claims`);
      await page.getByLabel('Email').fill(a.biller.email);
      await page.getByLabel('Password').fill(a.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await page.getByRole('link', { name: 'Claims' }).click();
      // Building asks for the dates of service and says what it will bill before it runs.
      await page.getByLabel('Visits from').fill('2026-03-01');
      await page.getByLabel('to', { exact: true }).fill('2026-03-31');
      await expect.poll(() => page.getByTestId('build-preview').textContent()).toMatch(/Will bill 2 signed visits/);
      await page.getByRole('button', { name: 'Build claims for 2 visits' }).click();
      const status = page.getByRole('status').first();
      await expect.poll(() => status.textContent()).toMatch(/2 claims built: 0 ready, 2 held back/);
      // The payer was set up without its X12 payer id: the scrubber holds both claims back and says why.
      const table = page.getByTestId('claims');
      const noPayerId =
        /Medicare Part B has no payer id: enter the id your clearinghouse lists for it in Billing settings → Payers/;
      await expect.poll(() => table.getByText(noPayerId).count()).toBe(2);
      const payers = await biller.call<{ items: { id: string }[] }>('GET', '/payers');
      for (const p of payers.items) await biller.call('PATCH', `/payers/${p.id}`, { x12PayerId: '12345' });
      for (let i = 0; i < 2; i++) {
        await table.getByRole('button', { name: 'Rebuild' }).nth(i).click();
        await expect.poll(() => table.getByText('ready').count()).toBe(i + 1);
      }

      await page.getByRole('button', { name: 'Export 837P' }).click();
      const link = page.getByRole('link', { name: '837P-000000001.txt' });
      await link.waitFor();
      const href = (await link.getAttribute('href')) ?? '';
      const file = await page.evaluate(async (u) => (await fetch(u)).text(), href);
      expect(file.startsWith('ISA*')).toBe(true);
      expect(file.match(/^CLM\*/gm)).toHaveLength(2);
      await expect.poll(() => page.getByTestId('claims').getByText('exported').count()).toBe(2);

      const claims = await page.evaluate(async () => {
        const r = await fetch('/api/v1/claims?status=exported');
        const body = (await r.json()) as {
          items: { claimNumber: string; claim: Pick<ClaimJson, 'lines' | 'subscriber'> }[];
        };
        return body.items.map((c) => ({ claimNumber: c.claimNumber, lines: c.claim.lines, who: c.claim.subscriber }));
      });
      const sorted = claims.sort((x, y) => (x.claimNumber < y.claimNumber ? -1 : 1));
      const text = make835({
        trace: 'UIEFT1',
        claims: sorted.map((c, i) => ({
          claimNumber: c.claimNumber,
          status: i === 0 ? '1' : '4',
          payerClaimNumber: `PCN${i + 1}`,
          patient: { lastName: c.who.lastName, firstName: c.who.firstName, memberId: c.who.memberId },
          lines: c.lines.map((l) => ({
            code: l.code,
            modifiers: l.modifiers,
            chargeCents: l.chargeCents,
            units: l.units,
            date: l.dateOfService,
            control: l.controlNumber,
            paidCents: i === 0 ? l.chargeCents - 3000 : 0,
            adjustments:
              i === 0
                ? [
                    { group: 'CO', reason: '45', amountCents: 2000 },
                    { group: 'PR', reason: '2', amountCents: 1000 },
                  ]
                : [{ group: 'CO', reason: '236', amountCents: l.chargeCents }],
            ...(i === 1 ? { remarks: ['M80'] } : {}),
          })),
        })),
      });
      const era = path.join(dir, 'era.835');
      writeFileSync(era, text);

      await page.getByRole('link', { name: 'Remittances' }).click();
      await page.getByLabel('835 file').setInputFiles(era);
      const preview = page.getByTestId('remit-preview');
      await preview.waitFor();
      await expect.poll(() => preview.getByText('Balances').count()).toBe(1);
      const matches = page.getByTestId('remit-matches');
      await expect.poll(() => matches.getByText('partly-paid').count()).toBe(1);
      await expect.poll(() => matches.getByText('denied').count()).toBe(1);
      await expect.poll(() => matches.getByText(/CO-45/).count()).toBe(1);
      await expect.poll(() => matches.getByText(/NCCI/).count()).toBe(1);
      await screenshot(page, 'claims-remittance-preview');

      // Before anything posts, the page says what will and will not: both claims, $(charge - 30.00) paid.
      const plan = page.getByTestId('remit-plan');
      await expect.poll(() => plan.textContent()).toMatch(/Will post: 2 claims, \$\d+\.\d\d paid by the payer/);
      await page.getByRole('button', { name: 'Post payments' }).click();
      const confirm = page.getByTestId('remit-confirm');
      await expect.poll(() => confirm.textContent()).toMatch(/^Post 2 claims, \$\d+\.\d\d paid\?/);
      await page.getByRole('button', { name: 'Confirm posting' }).click();
      await expect.poll(() => page.getByTestId('remit-posted').textContent()).toMatch(/^Posted: 2 claims/);
      await expect.poll(() => page.getByTestId('remittances').locator('tbody tr').count()).toBe(1);
      await expect.poll(() => page.getByTestId('denials').getByText('ncci-pair').count()).toBe(1);
      await screenshot(page, 'claims-remittance-posted');

      // The same payment again, re-sent with newline terminators: the page says so and offers nothing to post.
      const again = path.join(dir, 'era-again.835');
      writeFileSync(again, text.replace(/~\n/g, '\n'));
      await page.getByLabel('835 file').setInputFiles(again);
      await expect.poll(() => page.getByTestId('remit-plan').textContent()).toMatch(/posted before/);
      expect(await page.getByRole('button', { name: 'Post payments' }).count()).toBe(0);

      // A payment for a claim number of ours with another patient: not posted, and the reason is shown.
      const stray = path.join(dir, 'era-stray.835');
      const first = sorted[0];
      if (!first) throw new Error('no claim');
      writeFileSync(
        stray,
        make835({
          trace: 'UISTRAY1',
          claims: [
            {
              claimNumber: first.claimNumber,
              status: '1',
              payerClaimNumber: 'PCNSTRAY',
              lines: first.lines.map((l) => ({
                code: l.code,
                chargeCents: l.chargeCents,
                paidCents: l.chargeCents,
                units: l.units,
                date: l.dateOfService,
                adjustments: [],
              })),
            },
          ],
        }),
      );
      await page.getByLabel('835 file').setInputFiles(stray);
      const strayPlan = page.getByTestId('remit-plan');
      await expect.poll(() => strayPlan.textContent()).toMatch(/Will post: nothing\./);
      await expect.poll(() => strayPlan.textContent()).toMatch(/Will not post: 1 claim/);
      await expect.poll(() => strayPlan.textContent()).toMatch(/is not claim \S+'s patient/);
      expect(await page.getByRole('button', { name: 'Post payments' }).count()).toBe(0);
      await screenshot(page, 'claims-remittance-not-posted');

      await page.getByRole('link', { name: 'Claims' }).click();
      await expect.poll(() => page.getByTestId('claims').getByText('partly-paid').count()).toBe(1);
      await expect.poll(() => page.getByTestId('claims').getByText('denied').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
