/**
 * Browser tests against running MockMind services (`make dev`), at MOCKMIND_URL
 * (default http://localhost:8000). The mocked suite that needs no services is
 * playwright.mocked.config.ts.
 */
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/browser";

export default defineConfig({
  testDir: "./e2e",
  testMatch: /live\..*\.spec\.ts/,
  timeout: 420_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.MOCKMIND_URL ?? "http://localhost:8000",
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
  },
});
