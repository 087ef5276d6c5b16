/**
 * Builds a Prisma client on the node-postgres driver adapter. Used by the app
 * (through lib/db/client.ts) and by scripts and tests that run outside Next.js.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export function createDbClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // Fail fast while PostgreSQL is down or restarting, so a request gets a
    // clear 503 instead of hanging; the pool reconnects on the next query.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}
