/**
 * Builds a Prisma client on the node-postgres driver adapter. Used by the app
 * (through lib/db/client.ts) and by scripts and tests that run outside Next.js.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

/**
 * How long a query may wait for a connection: for a free one in the pool, or
 * for a new one to be opened (TCP and SCRAM authentication). While
 * PostgreSQL is down or restarting a connection attempt fails at once
 * (refused, or "the database system is starting up"), so requests still get
 * a quick 503 (lib/db/errors.ts) and the pool reconnects on the next query;
 * the wait only runs out when the server does not answer at all. 3 s was too
 * short: under load (`npm run bench:load`, docs/RELIABILITY.md) opening
 * connections after a restart, and queueing for one, took longer, and every
 * such request failed although the database was up.
 */
export const CONNECTION_WAIT_MS = 10_000;

export function createDbClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECTION_WAIT_MS,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({
    adapter,
    // An interactive transaction waits for its connection as long as a
    // single query does (Prisma's default is 2 s); calls that pass their own
    // maxWait or timeout keep them.
    transactionOptions: { maxWait: CONNECTION_WAIT_MS },
  });
}
