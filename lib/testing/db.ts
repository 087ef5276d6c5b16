/**
 * Database helpers for integration tests (never imported by the app).
 */
import { getDatabaseUrl } from "../env";
import { createDbClient } from "../db/create-client";
import type { PrismaClient } from "../db/generated/client";

let client: PrismaClient | undefined;

/** A client on the throwaway test database prepared by scripts/integration-test-setup.ts. */
export function testDb(): PrismaClient {
  // scripts/integration-test-setup.ts sets DATABASE_URL for the test run.
  client ??= createDbClient(getDatabaseUrl(), { max: 4 });
  return client;
}

/** Empties every table but the migration history, so each test starts clean. */
export async function resetDatabase(): Promise<void> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.tablename.replaceAll('"', '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}
