import "server-only";
import { getDatabaseUrl } from "@/lib/env";
import { createDbClient } from "./create-client";
import type { PrismaClient } from "./generated/client";

/**
 * One Prisma client per process (kept on globalThis so that dev-server hot
 * reloads do not open a new pool each time). Created on first use, so that
 * `next build` can import modules without a database.
 */
const globalForDb = globalThis as unknown as { covalentDb?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.covalentDb ??= createDbClient(getDatabaseUrl());
  return globalForDb.covalentDb;
}
