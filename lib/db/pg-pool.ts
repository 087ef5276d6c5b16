import "server-only";
import pg from "pg";
import { getDatabaseUrl } from "@/lib/env";
import { CONNECTION_WAIT_MS } from "./create-client";

/**
 * Plain node-postgres pools for the few statements on the hot path of public
 * traffic (the directory's read and version check, the API rate limit), where
 * a raw parameterised query is several times cheaper than a Prisma call (no
 * query compilation, no result mapping, no transaction round trips). Every
 * other query goes through Prisma (lib/db/client.ts).
 *
 * - "reads": the settings of Prisma's pool (a query waits up to
 *   CONNECTION_WAIT_MS for a connection); read-only statements.
 * - "rateLimit": commits do not wait for the WAL flush
 *   (synchronous_commit=off: a crash may lose the last few counter
 *   increments, which is harmless for a rate limit and spares a disk flush
 *   per API request); a statement gives up after 2 s and a connection is
 *   waited for 3 s at most (the limiter then lets the request through rather
 *   than hold it). Never use it for data that must survive a crash.
 *
 * One pool of each per process, kept on globalThis (dev-server reloads), made
 * on first use so that `next build` needs no database.
 */
export type PgPoolPurpose = "reads" | "rateLimit";

const SETTINGS: Record<PgPoolPurpose, pg.PoolConfig> = {
  reads: { max: 10, connectionTimeoutMillis: CONNECTION_WAIT_MS },
  rateLimit: { max: 8, connectionTimeoutMillis: 3_000, options: "-c synchronous_commit=off -c statement_timeout=2000" },
};

const globalForPools = globalThis as unknown as { covalentPgPools?: Partial<Record<PgPoolPurpose, pg.Pool>> };

export function getPgPool(purpose: PgPoolPurpose): pg.Pool {
  const pools = (globalForPools.covalentPgPools ??= {});
  let pool = pools[purpose];
  if (!pool) {
    pool = new pg.Pool({
      connectionString: getDatabaseUrl(),
      idleTimeoutMillis: 30_000,
      // Idle connections do not keep a script or a test run alive.
      allowExitOnIdle: true,
      ...SETTINGS[purpose],
    });
    // An idle connection that breaks (server restart) must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    pools[purpose] = pool;
  }
  return pool;
}
