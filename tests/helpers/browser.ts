import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests need the system Chromium (Debian package `chromium`). Without it they are skipped
 * with a loud message, except in CI, where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${chromiumPath}: install the Debian package chromium`);
  process.stderr.write(
    `\n*** SKIPPING BROWSER TESTS: no Chromium at ${chromiumPath}. Install it with 'apt-get install chromium' (or set CHROMIUM_PATH). ***\n\n`,
  );
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // No sandbox as root in CI containers; no background traffic to hosts this machine cannot reach.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
