/**
 * The official Prisma CLI, run as a child process against a real PostgreSQL, through our
 * offline schema engine (scripts/prisma-engine, wired in by prisma.config.ts).
 *
 * Needs TEST_ADMIN_DATABASE_URL (a superuser URL to the server's `postgres` database): every
 * test creates its own databases there and drops them afterwards.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PRISMA_CLI = path.join(REPO_ROOT, "node_modules/prisma/build/index.js");
const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
if (!adminUrl) {
  throw new Error("TEST_ADMIN_DATABASE_URL is not set: run with the integration config (vitest.integration.config.ts).");
}

function urlFor(database: string): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

const createdDatabases: string[] = [];

/** A new empty database, dropped in afterAll. */
async function createDatabase(label: string): Promise<string> {
  const name = `prisma_cli_it_${label}_${randomBytes(4).toString("hex")}`;
  await query(adminUrl!, `CREATE DATABASE "${name}"`);
  createdDatabases.push(name);
  return name;
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await query(adminUrl!, `SELECT 1 FROM pg_database WHERE datname = '${name.replaceAll("'", "''")}'`);
  return rows.length > 0;
}

async function publicTables(url: string): Promise<string[]> {
  const rows = await query<{ tablename: string }>(
    url,
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.tablename);
}

type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `prisma <args>` from the repository root (or `cwd`), like a developer would. */
function prisma(args: string[], env: Record<string, string>, cwd = REPO_ROOT): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...env,
  };
  // Test our engine as prisma.config.ts wires it, whatever the calling shell has set.
  delete childEnv.PRISMA_SCHEMA_ENGINE_BINARY;
  delete childEnv.COVALENT_PRISMA_NATIVE_ENGINE;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
      cwd,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

afterAll(async () => {
  for (const name of createdDatabases) {
    await query(adminUrl!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

describe("prisma.config.ts", () => {
  it("points the CLI at the offline schema engine", async () => {
    const result = await prisma(["--version"], {});
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Schema Engine\s*: schema-engine-wasm .*scripts\/prisma-engine\/schema-engine\.mjs/);
  });
});

describe("migrate deploy and status on an empty database", () => {
  let url: string;

  beforeAll(async () => {
    url = urlFor(await createDatabase("deploy"));
  });

  it("migrate deploy creates the tables and records every migration", async () => {
    const result = await prisma(["migrate", "deploy"], { DATABASE_URL: url });
    expect(result.code, result.stdout + result.stderr).toBe(0);

    expect(await publicTables(url)).toEqual(expect.arrayContaining(["User", "_prisma_migrations"]));
    const applied = await query<{ migration_name: string }>(
      url,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    expect(applied.map((row) => row.migration_name)).toEqual(await migrationNames());
  });

  it("migrate status then says the database is up to date", async () => {
    const result = await prisma(["migrate", "status"], { DATABASE_URL: url });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("Database schema is up to date!");
  });
});

describe("drift between prisma/schema.prisma and prisma/migrations", () => {
  let url: string;
  let tempDir: string;

  beforeAll(async () => {
    url = urlFor(await createDatabase("drift"));
    tempDir = await mkdtemp(path.join(os.tmpdir(), "prisma-drift-"));
  });

  afterAll(async () => {
    await rm(tempDir, { recursive: true, force: true });
  });

  const diffArgs = (schemaPath: string) => [
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema",
    schemaPath,
    "--exit-code",
  ];

  // This is the test that fails when someone edits schema.prisma without creating a migration
  // (fix: `npx prisma migrate dev --name <change>`).
  it("finds no difference for the repository's schema and migrations", async () => {
    const result = await prisma(diffArgs("prisma/schema.prisma"), { DATABASE_URL: url });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("No difference detected.");
  });

  it("reports a difference (exit code 2) for a schema that has moved on", async () => {
    const schema = await readFile(path.join(REPO_ROOT, "prisma/schema.prisma"), "utf8");
    const altered = path.join(tempDir, "schema.prisma");
    await writeFile(altered, `${schema}\nmodel DriftProbe {\n  id Int @id\n}\n`);

    const result = await prisma(diffArgs(altered), { DATABASE_URL: url });
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stdout).toContain("DriftProbe");
  });
});

/**
 * A copy of the project's Prisma files in a temporary directory, for commands that write
 * migrations: the repository's prisma/migrations is never touched (someone may be creating a
 * migration there while the tests run).
 */
async function copyOfTheProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "prisma-project-"));
  await mkdir(path.join(dir, "prisma"));
  await cp(path.join(REPO_ROOT, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  await cp(path.join(REPO_ROOT, "prisma/schema.prisma"), path.join(dir, "prisma/schema.prisma"));
  await cp(MIGRATIONS_DIR, path.join(dir, "prisma/migrations"), { recursive: true });
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"));
  await symlink(path.join(REPO_ROOT, "scripts"), path.join(dir, "scripts"));
  return dir;
}

describe("migrate dev", () => {
  let projectDir: string;

  beforeAll(async () => {
    projectDir = await copyOfTheProject();
  });

  afterAll(async () => {
    await rm(projectDir, { recursive: true, force: true });
  });

  // adapter-pg's own connectToShadowDb() connected the "shadow" pool to the MAIN database (pg lets
  // the connection string win over `database`), so migrate dev replayed the migrations on the
  // main database and then offered to reset it. Our engine must never touch the main database here.
  it("uses a separate temporary shadow database and leaves the main database alone", async () => {
    const mainName = await createDatabase("shadow_trap");
    const url = urlFor(mainName);
    await query(url, "CREATE TABLE sentinel (id int PRIMARY KEY, note text); INSERT INTO sentinel VALUES (1, 'keep me')");

    // DEBUG makes the CLI print the engine's log lines, which name each shadow database.
    const result = await prisma(
      ["migrate", "dev", "--create-only", "--name", "shadow_probe"],
      { DATABASE_URL: url, DEBUG: "prisma:schemaEngine:stderr" },
      projectDir,
    );
    const output = result.stdout + result.stderr;

    // The main database is exactly as it was: the migrations ran elsewhere.
    expect(await query(url, "SELECT id, note FROM sentinel")).toEqual([{ id: 1, note: "keep me" }]);
    expect(await publicTables(url), output).toEqual(["sentinel"]);

    // The sentinel table is not in the migrations: that is drift, and migrate dev (non-interactive)
    // stops and asks for a reset instead of creating a migration.
    expect(output).toContain("Drift detected");
    expect(output).toContain("sentinel");
    expect(result.code).not.toBe(0);

    // ...in temporary shadow databases, different from the main one and dropped afterwards.
    const shadowNames = [...new Set(output.match(/prisma_migrate_shadow_db_[0-9a-f-]{36}/g) ?? [])];
    expect(shadowNames.length).toBeGreaterThan(0);
    for (const shadowName of shadowNames) {
      expect(shadowName).not.toBe(mainName);
      expect(await databaseExists(shadowName)).toBe(false);
    }
  });

  it("applies the history to a new database and creates a migration for a schema change", async () => {
    const url = urlFor(await createDatabase("dev"));
    const schemaPath = path.join(projectDir, "prisma/schema.prisma");
    await writeFile(schemaPath, `${await readFile(schemaPath, "utf8")}\nmodel DevProbe {\n  id Int @id\n}\n`);

    const result = await prisma(["migrate", "dev", "--name", "dev_probe"], { DATABASE_URL: url }, projectDir);
    expect(result.code, result.stdout + result.stderr).toBe(0);

    const created = (await readdir(path.join(projectDir, "prisma/migrations"))).find((name) => name.endsWith("_dev_probe"));
    expect(created).toBeDefined();
    const sql = await readFile(path.join(projectDir, "prisma/migrations", created!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "DevProbe"');
    expect(await publicTables(url)).toEqual(expect.arrayContaining(["DevProbe", "User", "_prisma_migrations"]));
  });
});

describe("errors", () => {
  it("an unreachable database gives Prisma's usual message, not a stack trace", async () => {
    const unreachable = new URL(urlFor("nowhere"));
    unreachable.port = "1";
    const result = await prisma(["migrate", "deploy"], { DATABASE_URL: unreachable.toString() });
    const output = result.stdout + result.stderr;
    expect(result.code).not.toBe(0);
    expect(output).toContain("P1001: Can't reach database server at `");
    expect(output).not.toMatch(/\n\s+at .*\.(m?js|wasm)/);
  });
});

describe("prisma generate", () => {
  it("writes the client to lib/db/generated", async () => {
    const result = await prisma(["generate"], {});
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(existsSync(path.join(REPO_ROOT, "lib/db/generated/client.ts"))).toBe(true);
  });
});
