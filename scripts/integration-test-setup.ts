/**
 * Vitest global set-up for integration tests: a real PostgreSQL (the server
 * named by TEST_DATABASE_SERVER_URL, or an embedded one under .data/test),
 * and a throwaway database migrated the same way production is.
 *
 * Tests read:
 * - DATABASE_URL: the migrated throwaway database;
 * - TEST_ADMIN_DATABASE_URL: a superuser URL to the server's `postgres`
 *   database, for tests that create databases of their own.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "../lib/db/embedded-server";
import { freePort } from "../lib/db/local-database";
import { migrateDeploy } from "../lib/db/migrate";

let embedded: EmbeddedServer | undefined;
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
    embedded = await startEmbeddedServer({ dataDir: ".data/test/postgres", port: await freePort() });
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
  }
}
