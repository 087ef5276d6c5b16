import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

/** Shared by the unit and the integration configuration. */
export const sharedResolve = {
  alias: {
    "@": root,
    "server-only": path.join(root, "lib/testing/server-only-stub.ts"),
  },
};

// Unit tests: pure logic, next to the code, no database.
export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ["{lib,components,app,scripts,prisma}/**/*.test.{ts,tsx}"],
    exclude: ["**/*.integration.test.{ts,tsx}", "node_modules/**"],
    passWithNoTests: false,
  },
});
