/**
 * Vitest global set-up for integration tests: a real PostgreSQL (the server
 * named by TEST_DATABASE_SERVER_URL, or an embedded one of its own under
 * .data/test/postgres-<pid>),
 * and a throwaway database migrated the same way production is.
 *
 * Tests read:
 * - DATABASE_URL: the migrated throwaway database;
 * - TEST_ADMIN_DATABASE_URL: a superuser URL to the server's `postgres`
 *   database, for tests that create databases of their own.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "../lib/db/embedded-server";
import { freePort } from "../lib/db/local-database";
import { migrateDeploy } from "../lib/db/migrate";

const TEST_DATA_ROOT = ".data/test";
let embedded: EmbeddedServer | undefined;
let embeddedDataDir: string | undefined;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Each run gets its own server folder (postgres-<pid>), so two runs side by
 * side (two engineers, or an editor's watcher) never stop each other's
 * server. Folders of runs that died without their teardown are removed here.
 */
function claimDataDir(): string {
  fs.mkdirSync(TEST_DATA_ROOT, { recursive: true });
  for (const entry of fs.readdirSync(TEST_DATA_ROOT)) {
    const owner = /^postgres-(\d+)$/.exec(entry);
    if (owner && !isAlive(Number(owner[1]))) {
      fs.rmSync(path.join(TEST_DATA_ROOT, entry), { recursive: true, force: true });
    }
  }
  return path.join(TEST_DATA_ROOT, `postgres-${process.pid}`);
}
let adminUrl: string;
let databaseName: string;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function setup() {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (serverUrl) {
    adminUrl = withDatabase(serverUrl, "postgres");
  } else {
    embeddedDataDir = claimDataDir();
    embedded = await startEmbeddedServer({ dataDir: embeddedDataDir, port: await freePort() });
    adminUrl = embedded.url("postgres");
  }
  databaseName = `covalent_it_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE "${databaseName}"`);
  const databaseUrl = withDatabase(adminUrl, databaseName);
  await migrateDeploy(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
}

export async function teardown() {
  try {
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  } finally {
    await embedded?.stop();
    if (embeddedDataDir) fs.rmSync(embeddedDataDir, { recursive: true, force: true });
  }
}
