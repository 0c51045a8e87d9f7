// Where the browser for tests comes from: CHROMIUM_PATH, then Debian's Chromium, then
// Playwright's own download (an ordinary laptop that ran `npx playwright install`).
import { existsSync } from 'node:fs';

const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Absolute path of the Chromium binary, or undefined to let Playwright use its own. */
export const chromiumPath = existsSync(candidate) ? candidate : undefined;

/** Launch options shared by vitest browser mode and the Playwright end-to-end suite. */
export const launchOptions = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  // Without the background-networking flags Chromium floods the closed network.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
