import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";
import { logger } from "@/lib/log/logger";
import { API_RATE_LIMIT } from "./rate-limit-config";

/**
 * Requests per minute per client address for the public API, counted in
 * PostgreSQL (the RateLimit table, key "api-ip:<address>") so that every app
 * instance shares the count. Stops one client from scraping the directory or
 * loading the database with expensive searches; a CSV export costs more
 * points than a page.
 *
 * One statement per request: an upsert that starts a new window when the
 * stored one has ended and otherwise adds the points, returning the new count
 * and the time left (no read-then-write race between instances: the row lock
 * of the upsert orders concurrent requests), and, in the same round trip, the
 * directory's version for the answer cache (lib/directory/list-directory.ts). The window starts with a
 * client's first request and lasts `durationSeconds`; times are the
 * database's clock, in UTC like every Prisma DateTime, so instances with
 * skewed clocks agree. The statement runs on a pool whose commits do not wait
 * for the WAL flush (lib/db/pg-pool.ts).
 *
 * Once a client has used up its points, it is refused from memory until its
 * window ends, so a flood does not reach the database. If the database fails
 * (down, overloaded: the statement gives up after 2 s) the request is let
 * through and a warning is logged (at most one a minute, with the number of
 * failures since the last one): the request then reports its own error, never
 * a 429 or a 500 because of the counter.
 */

export const API_RATE_LIMIT_KEY_PREFIX = "api-ip:";

export type RateLimitOutcome =
  | {
      isAllowed: true;
      remaining: number;
      resetSeconds: number;
      /**
       * "DirectoryVersion" read by the same statement (null before the first
       * change; undefined when the database did not answer): the directory
       * routes check their cache with it instead of a second round trip.
       */
      directoryVersion?: string | null;
    }
  | { isAllowed: false; retryAfterSeconds: number };

const CONSUME_SQL = `
  INSERT INTO "RateLimit" AS r ("key", "points", "expire")
  VALUES ($1, $2, (now() AT TIME ZONE 'UTC') + make_interval(secs => $3))
  ON CONFLICT ("key") DO UPDATE SET
    "points" = CASE WHEN r."expire" > (now() AT TIME ZONE 'UTC') THEN r."points" + EXCLUDED."points" ELSE EXCLUDED."points" END,
    "expire" = CASE WHEN r."expire" > (now() AT TIME ZONE 'UTC') THEN r."expire" ELSE EXCLUDED."expire" END
  RETURNING "points",
            greatest(0, floor(extract(epoch FROM r."expire" - (now() AT TIME ZONE 'UTC')) * 1000))::int AS "msLeft",
            (SELECT "version"::text FROM "DirectoryVersion" WHERE "id" = 1) AS "directoryVersion"`;

/** Rows of windows that ended over an hour ago are deleted every few minutes. */
const SWEEP_SQL = `DELETE FROM "RateLimit" WHERE "key" LIKE '${API_RATE_LIMIT_KEY_PREFIX}%' AND "expire" < (now() AT TIME ZONE 'UTC') - interval '1 hour'`;
const SWEEP_EVERY_MS = 5 * 60_000;

/** Clients refused from memory: address → end of their window (ms since the epoch). */
const blocked = new Map<string, number>();
const MAX_BLOCKED = 10_000;

let sweepTimer: ReturnType<typeof setInterval> | undefined;
function scheduleSweep() {
  if (sweepTimer) return;
  sweepTimer = setInterval(() => {
    getPgPool("rateLimit")
      .query(SWEEP_SQL)
      .catch((error: unknown) => logger.warn("api rate limit sweep failed", { error }));
    const now = Date.now();
    for (const [ip, until] of blocked) if (until <= now) blocked.delete(ip);
  }, SWEEP_EVERY_MS);
  sweepTimer.unref?.();
}

let failuresSinceLog = 0;
let lastFailureLog = 0;
function logStoreFailure(error: unknown) {
  failuresSinceLog += 1;
  const now = Date.now();
  if (now - lastFailureLog < 60_000) return;
  logger.warn("api rate limit store failed: requests are let through", { error, failures: failuresSinceLog });
  lastFailureLog = now;
  failuresSinceLog = 0;
}

function block(ip: string, until: number) {
  if (blocked.size >= MAX_BLOCKED) {
    const now = Date.now();
    for (const [key, end] of blocked) if (end <= now) blocked.delete(key);
    // Still full: forget the oldest entries (they are only a shortcut; the database still counts).
    for (const key of blocked.keys()) {
      if (blocked.size < MAX_BLOCKED) break;
      blocked.delete(key);
    }
  }
  blocked.set(ip, until);
}

export async function consumeApiRateLimit(ip: string, points = 1): Promise<RateLimitOutcome> {
  const now = Date.now();
  const blockedUntil = blocked.get(ip);
  if (blockedUntil !== undefined) {
    if (blockedUntil > now) return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now) / 1000)) };
    blocked.delete(ip);
  }
  scheduleSweep();

  let row: { points: number; msLeft: number; directoryVersion: string | null } | undefined;
  try {
    const result = await getPgPool("rateLimit").query<{ points: number; msLeft: number; directoryVersion: string | null }>({
      name: "api-rate-limit-consume",
      text: CONSUME_SQL,
      values: [`${API_RATE_LIMIT_KEY_PREFIX}${ip}`, points, API_RATE_LIMIT.durationSeconds],
    });
    row = result.rows[0];
  } catch (error) {
    logStoreFailure(error);
  }
  if (!row) return { isAllowed: true, remaining: 0, resetSeconds: API_RATE_LIMIT.durationSeconds };

  const seconds = Math.max(1, Math.ceil(row.msLeft / 1000));
  // Used up: later requests of this window are refused without asking the database.
  if (row.points >= API_RATE_LIMIT.points) block(ip, now + row.msLeft);
  if (row.points > API_RATE_LIMIT.points) return { isAllowed: false, retryAfterSeconds: seconds };
  return { isAllowed: true, remaining: API_RATE_LIMIT.points - row.points, resetSeconds: seconds, directoryVersion: row.directoryVersion };
}
