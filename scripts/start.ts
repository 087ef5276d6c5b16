/**
 * `npm start`: the one command that runs Covalent locally or on a server.
 *
 * 1. reads the configuration (lib/env.ts; development secrets are made once
 *    and kept under .data/ unless NODE_ENV=production);
 * 2. starts an embedded PostgreSQL under .data/ when DATABASE_URL is unset;
 * 3. applies pending migrations (prisma migrate deploy);
 * 4. seeds demo data into an empty database;
 * 5. builds the app when the sources are newer than the last build;
 * 6. serves it with `next start`, and on Ctrl-C or SIGTERM stops the app
 *    first and PostgreSQL after it, cleanly.
 *
 * `npm run dev` (this script with --dev) does the same with `next dev`
 * instead of steps 5 and 6's build and start.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EnvError, getEnv } from "../lib/env";
import { openLocalDatabase } from "../lib/db/local-database";
import { createDbClient } from "../lib/db/create-client";
import { seedDemoData, ADMIN_LOGIN, DEMO_MANAGERS, DEMO_PASSWORD } from "../prisma/seed";

const root = process.cwd();
const isDev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function log(message: string) {
  console.log(`[covalent] ${message}`);
}

/** Newest modification time under the given paths (files and folders). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  paths.forEach(visit);
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const sources = [
    "app", "components", "lib", "i18n", "messages", "prisma/schema.prisma",
    "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json",
  ].map((p) => path.join(root, p));
  return newestMtime(sources) > fs.statSync(buildId).mtimeMs;
}

/** Waits (up to a minute) until the app answers its health check. */
async function waitUntilHealthy(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[covalent] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  if (!env.databaseUrl) log(`starting the embedded PostgreSQL (data in ${path.relative(root, env.dataDir)}/postgres, port ${env.embeddedPgPort})`);
  const database = await openLocalDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    port: env.embeddedPgPort,
    database: "covalent",
  });
  log("database migrated");

  let stopping = false;
  // Set once the app is spawned; the shutdown handler exists before that so
  // that Ctrl-C during the build still stops PostgreSQL.
  const running: { app?: ChildProcess } = {};
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    const app = running.app;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("close", resolve));
    }
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  // Demo accounts have published passwords: never in production.
  if (!env.isProduction) {
    const db = createDbClient(database.databaseUrl, { max: 2 });
    try {
      const seeded = await seedDemoData(db, { onlyIfEmpty: true });
      log(seeded ? "demo data seeded" : "database already has data: not seeding");
    } finally {
      await db.$disconnect();
    }
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: isDev ? "development" : "production",
    DATABASE_URL: database.databaseUrl,
    NEXTAUTH_SECRET: env.authSecret,
    NEXTAUTH_URL: env.appUrl,
    APP_URL: env.appUrl,
    PORT: String(env.port),
    // The outbox page shows every e-mail with its links: only for a local set-up.
    DEV_MAILBOX: env.devMailbox ? "1" : "0",
  };

  if (!isDev && needsBuild()) {
    log("building the app (next build)");
    const code = await run(process.execPath, [nextBin, "build"], { ...childEnv, NEXT_TELEMETRY_DISABLED: "1" });
    if (code !== 0) {
      await database.close();
      process.exit(code);
    }
  }

  const app = spawn(process.execPath, [nextBin, isDev ? "dev" : "start", "-p", String(env.port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...childEnv, NEXT_TELEMETRY_DISABLED: "1" },
  });
  running.app = app;
  app.on("close", async (code) => {
    if (stopping) return;
    log(`the app exited (${code}); stopping`);
    await database.close();
    process.exit(code ?? 1);
  });

  await waitUntilHealthy(`http://127.0.0.1:${env.port}/api/health`);
  log(`Covalent is running at ${env.appUrl}`);
  if (!env.isProduction) {
    log(`demo logins (password ${DEMO_PASSWORD}): ${DEMO_MANAGERS.map((m) => m.email).join(", ")}`);
    log(`platform administrator: ${ADMIN_LOGIN.email} / ${ADMIN_LOGIN.password}`);
  }
  if (env.devMailbox) log(`e-mail is not sent (no SMTP_URL): read it at ${env.appUrl}/dev/mailbox`);
  else if (!env.smtpUrl) log("e-mail is not sent (no SMTP_URL): it waits in the outbox until SMTP_URL is set");
  log("press Ctrl-C to stop");
}

main().catch((error) => {
  console.error("[covalent] start failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
