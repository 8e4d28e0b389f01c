// How Playwright starts the system Chromium, shared by the e2e tests and the benchmarks.
// We run as root on a machine without internet: no sandbox, no background traffic.
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
