/**
 * Every screen of the built app in a real browser against a real server with the Content-Security-Policy on: the
 * test fails on any CSP violation (a `securitypolicyviolation` event or a "Refused to ..." console message), so an
 * inline script or style, or a resource from another origin, cannot slip in. Skipped with the reason printed when
 * chromium is missing (and failing under CI, as the other browser tests do).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi } from '../../../e2e/support/api-session.ts';
import { chromiumAvailable, launchChromium } from '../../../e2e/support/browser.ts';
import { ensureWebBuilt } from '../../../e2e/support/build-web.ts';
import { type ClinicFixture, createClinic } from '../../../e2e/support/clinic-setup.ts';
import { startTestServer, type TestServer } from '../../../e2e/support/server.ts';

const run = chromiumAvailable();

/** Collects CSP violations on a page: the DOM event (from an init script, which the CSP does not govern) and console. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__cspViolation', (s: string) => seen.push(s));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(s: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}

describe.runIf(run)('browser: every screen under the Content-Security-Policy', () => {
  let server: TestServer;
  let browser: Browser;
  let a: ClinicFixture;
  let visitId: string;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    a = await createClinic(server.url, 'csp');
    const owner = await signInApi(server.url, a.owner.email, a.password);
    const providers = await owner.call<{ items: { id: string; userId: string | null }[] }>('GET', '/providers');
    const providerId = providers.items.find((p) => p.userId === a.therapist.id)?.id ?? '';
    const pt = await signInApi(server.url, a.therapist.email, a.password);
    const v = await pt.call<{ id: string }>('POST', '/visits', {
      patientId: a.patient.id,
      providerId,
      date: '2026-03-02',
      discipline: 'PT',
      noteType: 'daily',
      services: [],
      nonBillable: [],
    });
    visitId = v.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the server sends a strict CSP on the app', async () => {
    const res = await fetch(`${server.url}/patients`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  for (const role of ['owner', 'therapist', 'biller'] as const) {
    it(`${role}: sign-in and every screen load with no CSP violation`, async () => {
      const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const violations = await watchViolations(page);
      try {
        await page.goto(`${server.url}/`);
        const email = role === 'owner' ? a.owner.email : role === 'therapist' ? a.therapist.email : a.biller.email;
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(a.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.waitFor();
        const links = await nav.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
        const screens = [
          ...links.filter((l) => l.startsWith('/')),
          `/patients/${a.patient.id}`,
          ...(role === 'therapist' ? [`/visits/${visitId}`] : []),
        ];
        expect(screens.length).toBeGreaterThan(2);
        for (const s of screens) {
          await page.goto(`${server.url}${s}`);
          await nav.waitFor();
          await page.getByRole('heading').first().waitFor();
          // Lazy requests and style changes settle before the next screen.
          await page.waitForLoadState('networkidle');
        }
        expect(violations, violations.join('\n')).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
