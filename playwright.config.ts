import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in a real Chromium against the built app (`next build`
 * runs first in `npm run test:e2e`), on its own embedded PostgreSQL database
 * that is dropped and re-created for each run (scripts/e2e-server.ts).
 *
 * Browser: PLAYWRIGHT_CHROMIUM_EXECUTABLE when set, else Debian's
 * /usr/bin/chromium when present, else Playwright's own download
 * (`npx playwright install chromium`, where the network allows it).
 */
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts`,
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // Stop PostgreSQL cleanly: a SIGKILL leaves postmaster.pid behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
