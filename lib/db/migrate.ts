/**
 * Applies pending migrations with the official Prisma CLI (`prisma migrate
 * deploy`), exactly as a production deploy does. prisma.config.ts points the
 * CLI at our offline schema engine (docs/PRISMA-OFFLINE.md).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

const require = createRequire(import.meta.url);

export function prismaCliPath(): string {
  return path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
}

/** Runs the Prisma CLI with the given arguments against `databaseUrl`. */
export function runPrismaCli(
  args: string[],
  options: { databaseUrl: string; quiet?: boolean },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCliPath(), ...args], {
      // The CLI is a child process: it inherits this environment, with the URL set.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, DATABASE_URL: options.databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Migration folders in prisma/migrations, oldest first. */
function migrationNames(): string[] {
  const dir = path.resolve("prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Whether every migration in the repository is recorded as applied. Lets a
 * restart skip the CLI (about 2.5 s of start-up) when nothing is pending; any
 * doubt (no history table, an unfinished or rolled-back row) says no.
 */
export async function isDatabaseUpToDate(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const applied = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const names = new Set(applied.rows.map((row) => row.migration_name));
    return migrationNames().every((name) => names.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function migrateDeploy(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  if (await isDatabaseUpToDate(databaseUrl)) return;
  const result = await runPrismaCli(["migrate", "deploy"], { databaseUrl, quiet: options.quiet ?? true });
  if (result.code !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.output}`);
  }
}
