import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is e2e/support/paths.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where each browser test leaves the screenshot of its last screen (git-ignored). */
export const SCREENSHOTS = path.join(REPO_ROOT, 'e2e/screenshots');
/** Debian's chromium, installed by .ci/run. */
export const CHROMIUM = '/usr/bin/chromium';
