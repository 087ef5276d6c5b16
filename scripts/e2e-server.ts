/**
 * The server Playwright starts: the built app (`next start`) on a fresh,
 * migrated and seeded database of its own, so end-to-end tests never touch
 * the developer's data. Stops PostgreSQL cleanly on SIGTERM.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openLocalDatabase, freePort } from "../lib/db/local-database";
import { createDbClient } from "../lib/db/create-client";
import { seedDemoData } from "../prisma/seed";

const port = Number(process.env.E2E_PORT ?? 3100);

async function main() {
  const database = await openLocalDatabase({
    databaseUrl: process.env.E2E_DATABASE_URL,
    dataDir: `.data/e2e-${port}`,
    port: await freePort(),
    database: "covalent_e2e",
    fresh: true,
  });
  // The fixtures (e2e/fixtures.ts) create users and organisations directly here.
  fs.mkdirSync(`.data/e2e-${port}`, { recursive: true });
  fs.writeFileSync(`.data/e2e-${port}/database-url`, database.databaseUrl);
  const db = createDbClient(database.databaseUrl, { max: 2 });
  await seedDemoData(db);
  await db.$disconnect();

  const app = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.databaseUrl,
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        APP_URL: `http://127.0.0.1:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        DEV_MAILBOX: process.env.SMTP_URL ? "0" : "1",
      },
    },
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("close", resolve));
    }
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  app.on("close", (code) => {
    if (!stopping) void database.close().then(() => process.exit(code ?? 1));
  });
}

main().catch((error) => {
  console.error("e2e server failed:", error);
  process.exit(1);
});
