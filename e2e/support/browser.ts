import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM, SCREENSHOTS } from './paths.ts';

/**
 * Whether the browser tests can run. Without /usr/bin/chromium they fail under CI (which installs it) and are
 * skipped elsewhere, with the reason printed.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${CHROMIUM} is missing (apt-get install chromium)`;
  if (process.env.CI) throw new Error(`Browser tests cannot run under CI: ${reason}.`);
  console.log(`Skipping the browser tests: ${reason}.`);
  return false;
}

/** Starts headless chromium with the flags the project's CI uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Saves the page as it stands under e2e/screenshots/NAME.png.
 * @param page - the page
 * @param name - file name without extension
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
