/**
 * Browser tests of the built client with the gateway mocked inside Playwright (HTTP routes and a
 * scripted WebSocket), served by scripts/serve-static.mjs. Needs `npm run build` first; no services.
 */
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/browser";

const port = Number(process.env.MOCKED_PORT ?? 4173);

export default defineConfig({
  testDir: "./e2e",
  testMatch: /mocked\..*\.spec\.ts/,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  webServer: {
    command: `node scripts/serve-static.mjs ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
  },
});
