import { existsSync } from 'node:fs';

/**
 * How tests and benchmarks start Chromium: Debian's build when present
 * (Playwright can't download browsers on these machines; NIMBUS_CHROMIUM
 * overrides), with the flags that keep it quiet on a closed network.
 */
export const chromiumExecutable =
  process.env.NIMBUS_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumLaunchOptions = {
  ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}),
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
