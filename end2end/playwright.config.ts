import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The server under test is the binary `cargo leptos build` made, on a free port, with its own
// temporary data folder (filled with the sample directory at start). The port and folder are
// chosen once, in the runner, and inherited by the workers through the environment.
const root = path.resolve(__dirname, '..');
if (!process.env.DAYFINDER_E2E_PORT) {
  process.env.DAYFINDER_E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();
}
if (!process.env.DAYFINDER_E2E_DATA) {
  process.env.DAYFINDER_E2E_DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'dayfinder-e2e-'));
}
const port = process.env.DAYFINDER_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const binary = process.env.DAYFINDER_E2E_BIN ?? path.join(root, 'target', 'debug', 'dayfinder');
const data = process.env.DAYFINDER_E2E_DATA;

// The editors the browser tests sign in as (tests/editor.spec.ts): added before the server
// starts, with the password on standard input, as an administrator would (their own
// password, so no change of it is asked for at first sign-in). `stats` first
// fills the empty store with the sample, so the provider's organisation exists.
const addEditor = (args: string) =>
  `printf '%s\\n' 'plum tree river lantern' | "${binary}" --data-dir "${data}" add-editor --own-password ${args}`;
const setUp = [
  `"${binary}" --data-dir "${data}" stats > /dev/null`,
  addEditor('--email e2e.provider@example.org --name "Pat Provider" --role provider --organisation weaver-paddlers'),
  addEditor('--email e2e.council@example.org --name "Chris Council" --role council'),
  // tests/moderation.spec.ts: a provider whose listing changes go through approval.
  addEditor('--email e2e.knutsford@example.org --name "Kim Knutsford" --role provider --organisation knutsford-thursday-club'),
].join(' && ');

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry on CI only: the shared 2-core machine can stall a browser; a retried pass is
  // still reported as flaky in the list.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: `${setUp}; exec "${binary}" --data-dir "${data}" serve --addr 127.0.0.1:${port}`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      LEPTOS_OUTPUT_NAME: 'dayfinder',
      LEPTOS_SITE_ROOT: path.join(root, 'target', 'site'),
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_ENV: 'PROD',
      RUST_LOG: 'warn',
      // Any free port: several servers may run on this machine at once.
      DAYFINDER_METRICS_ADDR: '127.0.0.1:0',
    },
  },
});
