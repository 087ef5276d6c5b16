import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db/client";

/**
 * Sign-in throttling, stored in PostgreSQL (the RateLimit table) so that every
 * app instance sees the same counts. Stops password guessing against one
 * account (slowly, from many addresses) and from one address (against many
 * accounts).
 */
const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = { perAccount: 5, perIp: 30 } as const;

let limiters: { account: RateLimiterPrisma; ip: RateLimiterPrisma } | undefined;

function getLimiters() {
  limiters ??= {
    account: new RateLimiterPrisma({
      storeClient: getDb(),
      tableName: "rateLimit",
      keyPrefix: "signin-account",
      points: SIGN_IN_LIMITS.perAccount,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: true,
    }),
    ip: new RateLimiterPrisma({
      storeClient: getDb(),
      tableName: "rateLimit",
      keyPrefix: "signin-ip",
      points: SIGN_IN_LIMITS.perIp,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
  };
  return limiters;
}

/** Seconds to wait before another attempt, or 0 when one is allowed. */
export async function signInRetryAfter(email: string, ip: string): Promise<number> {
  const { account, ip: byIp } = getLimiters();
  const [a, b] = await Promise.all([account.get(email), byIp.get(ip)]);
  const blocked = [
    a && a.consumedPoints >= SIGN_IN_LIMITS.perAccount ? a : null,
    b && b.consumedPoints >= SIGN_IN_LIMITS.perIp ? b : null,
  ].filter((r): r is RateLimiterRes => r !== null);
  if (blocked.length === 0) return 0;
  return Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = getLimiters();
  // consume() rejects once the limit is passed; the count is what matters.
  await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
