/**
 * The browser tests' skip rule: without Chromium (test/helpers/chromium.ts) they are skipped with a loud stderr
 * banner naming what goes unchecked, except under CI=true, where they run and fail at `expectChromium()`.
 */
import { expect } from 'vitest';
import { CHROMIUM, chromiumAvailable } from './chromium.js';

/** True where the browser tests are skipped: no Chromium, and not under CI. */
export const skipBrowser = !chromiumAvailable && process.env.CI !== 'true';

/**
 * The banner, once per test file, on stderr rather than through vitest's console capture; nothing when the tests
 * run. `unchecked` says what the skip leaves unchecked.
 */
export function announceBrowserSkip(what: string, unchecked?: string): void {
  if (!skipBrowser) return;
  const bar = '!'.repeat(100);
  const more = unchecked === undefined ? '' : `!! ${unchecked} NOT checked in this run; under CI=true this fails.\n`;
  process.stderr.write(
    `\n${bar}\n!! SKIPPED: ${what} — ${CHROMIUM} not found (apt-get install -y chromium).\n${more}${bar}\n\n`,
  );
}

/** The first step of a browser test: under CI without Chromium it fails here, naming the fix. */
export function expectChromium(): void {
  expect(chromiumAvailable, `${CHROMIUM} is missing; .ci/run installs it (apt-get install -y chromium)`).toBe(true);
}
