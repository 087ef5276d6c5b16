import { defineConfig } from "vitest/config";
import { sharedResolve } from "./vitest.config.ts";

// Integration tests: a real PostgreSQL, a throwaway database migrated with
// `prisma migrate deploy` (scripts/integration-test-setup.ts).
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ["{lib,components,app,scripts,prisma}/**/*.integration.test.{ts,tsx}"],
    globalSetup: ["scripts/integration-test-setup.ts"],
    // One database for the run; files run one after another so that each
    // test can reset it without racing another file.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    passWithNoTests: false,
    // The tests call route handlers directly, as if behind one proxy, and tell
    // clients apart by X-Forwarded-For (lib/http/client-ip.ts).
    env: { TRUST_PROXY: "1" },
  },
});
