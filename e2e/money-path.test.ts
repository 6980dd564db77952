/**
 * The whole money path on a fresh demo, in a real browser against a real server seeded as `npm start` seeds it: the
 * PT documents and signs a two-code visit, the biller builds its claim, an 835 for it posts nothing before the claim
 * is sent, the biller exports and downloads the 837P (our checker and node-x12 both read it), then the same 835
 * posts one paid line and one denied line, which the claim detail page and the denial report show.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { read837 } from '@unitwise/edi';
import { type X12Interchange, X12Parser } from 'node-x12';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { make835 } from '../packages/server/test/helpers/claims-835.ts';
import { type ApiSession, signInApi } from './support/api-session.ts';
import { chromiumAvailable, launchChromium, screenshot } from './support/browser.ts';
import { ensureWebBuilt } from './support/build-web.ts';
import { REPO_ROOT } from './support/paths.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const PASSWORD = 'unitwise-demo';
const PT = 'pt@demo.unitwise.test';
const BILLER = 'biller@demo.unitwise.test';
// Demo patient 1: Medicare, PT, no planted documentation mistake on a new visit.
const PATIENT = 'Ben Brook';
const GOAL = 'Patient will rise from a standard chair 5 times in under 15 seconds without arm use within 4 weeks.';

const run = chromiumAvailable();

interface ClaimRow {
  id: string;
  claimNumber: string;
  status: string;
  paidCents: number;
  firstDate: string;
  claim: {
    subscriber: { memberId: string; lastName: string; firstName: string };
    lines: {
      code: string;
      modifiers: string[];
      chargeCents: number;
      units: number;
      dateOfService: string;
      controlNumber: string;
    }[];
  };
}

describe.runIf(run)('browser: the money path on a fresh demo, from a signed note to a posted 835', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  let biller: ApiSession;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer(60_000, { seed: true });
    biller = await signInApi(server.url, BILLER, PASSWORD);
    browser = await launchChromium();
    dir = mkdtempSync(path.join(tmpdir(), 'unitwise-money-'));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return { context, page };
  }

  /** The biller's claims for the visit documented here (dated today), through the API the page uses. */
  async function todaysClaims(today: string): Promise<ClaimRow[]> {
    const all = await biller.call<{ items: ClaimRow[] }>('GET', '/claims');
    return all.items.filter((c) => c.firstDate === today);
  }

  it('a signed visit is billed, paid on one line and denied on the other, and an 835 before export posts nothing', async () => {
    const today = new Date().toISOString().slice(0, 10);

    // 1. The therapist documents and signs a two-code visit.
    const pt = await signIn(PT);
    try {
      const page = pt.page;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
      await page.getByRole('link', { name: PATIENT }).first().click();
      await page.getByRole('heading', { name: 'Start a note today' }).waitFor();
      await page.getByLabel('Note type').selectOption('daily');
      await page.getByRole('button', { name: 'Start note' }).click();
      await page.getByRole('heading', { name: `Daily note: ${PATIENT}` }).waitFor();

      await page.getByLabel('Time in').fill('14:00');
      await page.getByLabel('Time out').fill('14:40');
      const activities = [
        {
          code: '97530',
          minutes: '23',
          what: 'Sit-to-stand transfers from a 17-inch chair, 3 sets of 5, to rise from the sofa without help',
          assist: 'min assist, verbal cues for weight shift',
        },
        {
          code: '97110',
          minutes: '15',
          what: 'Seated knee extension with a 3 lb cuff weight, 3 sets of 10, to build quadriceps strength',
          assist: 'supervision, cues for full extension',
        },
      ];
      for (const [i, a] of activities.entries()) {
        await page.getByRole('button', { name: 'Add activity' }).click();
        const card = page.getByRole('region', { name: new RegExp(`^Activity ${i + 1}`) });
        await card.getByLabel('Code').fill(a.code);
        await card.getByLabel('Minutes').fill(a.minutes);
        await card.getByLabel('What was done').fill(a.what);
        await card.getByLabel('Assistance and cueing').fill(a.assist);
        await card.getByLabel(GOAL).check();
      }
      await page
        .getByLabel('Patient response and progress toward goals')
        .fill('Tolerated treatment well; sit-to-stand now 5 in 18 seconds, progressing toward goal.');
      await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Saved');
      await expect.poll(() => page.getByTestId('sign-missing').count()).toBe(0);

      const warnings = page.getByTestId('sign-warnings');
      for (const box of await warnings.getByRole('checkbox').all()) await box.check();
      await page.getByLabel(/attest that this note reflects the care/).check();
      const sign = page.getByRole('button', { name: 'Sign note' });
      await expect.poll(() => sign.isDisabled()).toBe(false);
      await sign.click();
      await page.getByTestId('signed-banner').waitFor({ timeout: 15_000 });
      await screenshot(page, 'money-path-signed-note');
    } catch (err) {
      await screenshot(pt.page, 'money-path-signed-note');
      throw err;
    } finally {
      await pt.context.close();
    }

    // 2. The biller builds claims for today's visits: the one just signed.
    const b = await signIn(BILLER);
    const page = b.page;
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
      await page.getByLabel('Visits from').fill(today);
      await page.getByLabel('to', { exact: true }).fill(today);
      await expect.poll(() => page.getByTestId('build-preview').textContent()).toMatch(/Will bill 1 signed visit\b/);
      await page.getByRole('button', { name: 'Build claims for 1 visit' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/1 claim built: 1 ready/);
      const [built] = await todaysClaims(today);
      if (!built) throw new Error('no claim was built for the visit');
      expect(built.status).toBe('ready');
      expect(built.claim.lines.map((l) => l.code).sort()).toEqual(['97110', '97530']);
      await screenshot(page, 'money-path-ready-claim');

      // The payer's answer to this claim: the 97530 line paid (less the contractual write-off and the
      // coinsurance), the 97110 line denied CO-50 (not medically necessary).
      const [paidLine, deniedLine] = [...built.claim.lines].sort((x, y) => (x.code < y.code ? 1 : -1));
      if (!paidLine || !deniedLine) throw new Error('the claim lacks two lines');
      const money = (c: number) => `$${(c / 100).toFixed(2)}`;
      const write = paidLine.chargeCents > 3000 ? 2000 : 0;
      const coins = paidLine.chargeCents > 3000 ? 1000 : 0;
      const helperText = make835({
        trace: 'MONEYEFT1',
        payerId: 'DEMO-MCR',
        paymentDate: today.replaceAll('-', ''),
        claims: [
          {
            claimNumber: built.claimNumber,
            status: '1',
            payerClaimNumber: 'PCNMONEY1',
            patient: built.claim.subscriber,
            lines: [
              {
                ...paidLine,
                date: paidLine.dateOfService,
                control: paidLine.controlNumber,
                paidCents: paidLine.chargeCents - write - coins,
                adjustments: [
                  { group: 'CO', reason: '45', amountCents: write },
                  { group: 'PR', reason: '2', amountCents: coins },
                ].filter((a) => a.amountCents > 0),
              },
              {
                ...deniedLine,
                date: deniedLine.dateOfService,
                control: deniedLine.controlNumber,
                paidCents: 0,
                adjustments: [{ group: 'CO', reason: '50', amountCents: deniedLine.chargeCents }],
              },
            ],
          },
        ],
      });
      const era = path.join(dir, 'money.835');
      // The payer names itself in N1*PR as Medicare would (the helper's default is a commercial plan).
      const eraText = helperText.replace('N1*PR*EXAMPLE COMMERCIAL PLAN', 'N1*PR*MEDICARE PART B');
      writeFileSync(era, eraText);

      // 3. Before export the same 835 posts nothing, and the page says why.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }).click();
      await page.getByLabel('835 file').setInputFiles(era);
      const plan = page.getByTestId('remit-plan');
      await expect.poll(() => plan.textContent()).toMatch(/Will not post: 1 claim/);
      const why = await plan.textContent();
      expect(why).toContain(built.claimNumber);
      expect(why).toContain('never sent to a payer, so no payment can belong to it');
      expect(await page.getByRole('button', { name: 'Post payments' }).count()).toBe(0);
      expect(await page.getByTestId('remit-matches').getByText('not posted').count()).toBe(1);
      await screenshot(page, 'money-path-835-before-export');
      // Posting it anyway (the page offers no button; the API is still there) changes no claim and records no
      // payment, so the same payment can post once the claim has been sent.
      const forced = await biller.call<{ posted?: { claims: number } }>('POST', '/remittances', {
        text: eraText,
        fileName: 'money.835',
      });
      expect(forced.posted?.claims ?? 0).toBe(0);
      const untouched = (await todaysClaims(today))[0];
      expect(untouched?.status).toBe('ready');
      expect(untouched?.paidCents ?? 0).toBe(0);

      // Export the 837P and download it: our checker finds no error and node-x12 reads it.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
      await page.getByRole('button', { name: 'Export 837P' }).click();
      const link = page.getByRole('link', { name: /^837P-\d+\.txt$/ });
      await link.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file837 = path.join(dir, download.suggestedFilename());
      await download.saveAs(file837);
      const text837 = readFileSync(file837, 'utf8');
      // The file the biller downloaded, checked as `unitwise claims check` checks it (exit 0: no structural error).
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'packages/cli/src/main.ts', 'claims', 'check', file837],
        { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 },
      );
      expect(cli.status, cli.stdout + cli.stderr).toBe(0);
      const checked = read837(text837);
      expect(checked.errors).toEqual([]);
      expect(checked.claims.map((c) => c.claimId)).toEqual([built.claimNumber]);
      const peer = new X12Parser(true).parse(text837) as X12Interchange;
      const clm = peer.functionalGroups[0]?.transactions[0]?.segments.filter((s) => s.tag === 'CLM') ?? [];
      expect(clm.map((s) => s.elements[0]?.value)).toEqual([built.claimNumber]);
      await expect.poll(async () => (await todaysClaims(today))[0]?.status).toBe('exported');
      await screenshot(page, 'money-path-exported');

      // 4. After export the same 835 posts: the page says what will post before the biller confirms.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }).click();
      await page.getByLabel('835 file').setInputFiles(era);
      const preview = page.getByTestId('remit-preview');
      await preview.waitFor();
      await expect.poll(() => preview.getByText('Balances').count()).toBe(1);
      await expect.poll(() => page.getByTestId('remit-plan').textContent()).toMatch(/Will post: 1 claim, \$/);
      await expect.poll(() => page.getByTestId('remit-matches').getByText(/CO-50/).count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Post payments' }).click();
      await expect
        .poll(() => page.getByTestId('remit-confirm').textContent())
        .toMatch(/^Post 1 claim, \$\d+\.\d\d paid\?/);
      await page.getByRole('button', { name: 'Confirm posting' }).click();
      await expect.poll(() => page.getByTestId('remit-posted').textContent()).toMatch(/^Posted: 1 claim/);
      // The denial report names the denial, what it means and the payer that sent it.
      const denial = page.getByTestId('denials').locator('tbody tr').filter({ hasText: 'CO-50' });
      await expect.poll(() => denial.count()).toBe(1);
      const denialText = await denial.textContent();
      expect(denialText).toContain('not medically necessary');
      expect(denialText).toContain('MEDICARE PART B');
      expect(denialText).toContain(money(deniedLine.chargeCents));
      await screenshot(page, 'money-path-posted');

      // The claim detail page shows what was paid and what was denied, line by line.
      await page.goto(`${server.url}/claims/${encodeURIComponent(built.id)}`);
      const posting = page.getByTestId('posting');
      await posting.waitFor();
      const head = await page.getByTestId('claim-detail').textContent();
      expect(head).toContain('partly-paid');
      expect(head).toContain(`Paid${money(paidLine.chargeCents - write - coins)}`);
      expect(head).toContain(`Patient owes${money(coins)}`);
      const rows = posting.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const paidRow = await rows.filter({ hasText: paidLine.code }).locator('td').allTextContents();
      expect(paidRow.slice(1, 5)).toEqual([
        money(paidLine.chargeCents),
        money(paidLine.chargeCents - write - coins),
        money(write),
        money(coins),
      ]);
      const deniedRow = await rows.filter({ hasText: deniedLine.code }).locator('td').allTextContents();
      expect(deniedRow.slice(1, 3)).toEqual([money(deniedLine.chargeCents), money(0)]);
      expect(deniedRow[5]).toContain('CO-50');
      const after = (await todaysClaims(today))[0];
      expect(after?.status).toBe('partly-paid');
      expect(after?.paidCents).toBe(paidLine.chargeCents - write - coins);
      await screenshot(page, 'money-path-claim-detail');
    } catch (err) {
      await screenshot(page, 'money-path-failure');
      throw err;
    } finally {
      await b.context.close();
    }
  }, 120_000);
});
