/**
 * Debian's headless Chromium for the browser tests and benchmarks, driven by playwright-core (no browser download):
 * /usr/bin/chromium, or $ODC_TEST_CHROMIUM. Started offline-minded: no background networking, component updates,
 * sync or QUIC, so a test that counts non-loopback requests sees only the page's own.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.ODC_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
