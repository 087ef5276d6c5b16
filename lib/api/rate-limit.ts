import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { API_RATE_LIMIT } from "./rate-limit-config";

/**
 * Requests per minute per client address for the public API, counted in
 * PostgreSQL (the RateLimit table) so that every app instance shares the
 * count. Stops one client from scraping the directory or loading the database
 * with expensive searches; a CSV export costs more points than a page.
 * Once a client is over, it is refused from memory until its window ends, so
 * a flood does not reach the database.
 */

let limiter: RateLimiterPrisma | undefined;

function getLimiter(): RateLimiterPrisma {
  limiter ??= new RateLimiterPrisma({
    storeClient: getDb(),
    tableName: "rateLimit",
    keyPrefix: "api-ip",
    points: API_RATE_LIMIT.points,
    duration: API_RATE_LIMIT.durationSeconds,
    inMemoryBlockOnConsumed: API_RATE_LIMIT.points,
    clearExpiredByTimeout: true,
  });
  return limiter;
}

export type RateLimitOutcome =
  | { isAllowed: true; remaining: number; resetSeconds: number }
  | { isAllowed: false; retryAfterSeconds: number };

export async function consumeApiRateLimit(ip: string, points = 1): Promise<RateLimitOutcome> {
  try {
    const res = await getLimiter().consume(ip, points);
    return { isAllowed: true, remaining: res.remainingPoints, resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
    // The store failed (database trouble): the request itself will report that; do not turn it into a 429.
    logger.warn("api rate limit store failed", { error });
    return { isAllowed: true, remaining: 0, resetSeconds: API_RATE_LIMIT.durationSeconds };
  }
}
