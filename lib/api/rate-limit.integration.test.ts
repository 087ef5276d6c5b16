/**
 * The public API's rate limit (lib/api/rate-limit.ts) against PostgreSQL:
 * one statement per request that counts per address in a window, shared by
 * every app instance through the RateLimit table, exact under concurrency,
 * and out of the way (requests let through) when the database fails.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listClusters } from "@/app/api/v1/clusters/route";
import { getPgPool } from "@/lib/db/pg-pool";
import { logger } from "@/lib/log/logger";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { seedDemoData } from "@/prisma/seed";
import { API_RATE_LIMIT_KEY_PREFIX, consumeApiRateLimit } from "./rate-limit";
import { API_RATE_LIMIT } from "./rate-limit-config";

const db = testDb();
let counter = 0;
/** An address no other test uses (the limiter remembers refused addresses in memory). */
const freshIp = () => `203.0.113.${++counter}`;
const rowOf = (ip: string) => db.rateLimit.findUnique({ where: { key: `${API_RATE_LIMIT_KEY_PREFIX}${ip}` } });

beforeAll(async () => {
  await resetDatabase();
  await seedDemoData(db);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("consumeApiRateLimit", () => {
  it("counts the requests of one address and refuses the one over the limit until the window ends", async () => {
    const ip = freshIp();
    const first = await consumeApiRateLimit(ip);
    expect(first).toMatchObject({ isAllowed: true, remaining: API_RATE_LIMIT.points - 1, resetSeconds: API_RATE_LIMIT.durationSeconds });
    for (let i = 2; i <= API_RATE_LIMIT.points; i += 1) {
      const outcome = await consumeApiRateLimit(ip);
      expect(outcome.isAllowed, `request ${i}`).toBe(true);
    }
    const refused = await consumeApiRateLimit(ip);
    expect(refused.isAllowed).toBe(false);
    if (refused.isAllowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(API_RATE_LIMIT.durationSeconds);
    expect((await rowOf(ip))?.points).toBe(API_RATE_LIMIT.points);
    // Another address has its own count.
    expect((await consumeApiRateLimit(freshIp())).isAllowed).toBe(true);
  });

  it("charges a request's cost in points", async () => {
    const ip = freshIp();
    expect(await consumeApiRateLimit(ip, 10)).toMatchObject({ isAllowed: true, remaining: API_RATE_LIMIT.points - 10 });
    expect((await rowOf(ip))?.points).toBe(10);
    expect(await consumeApiRateLimit(ip, API_RATE_LIMIT.points - 10)).toMatchObject({ isAllowed: true, remaining: 0 });
    expect((await consumeApiRateLimit(ip, 1)).isAllowed).toBe(false);
  });

  it("starts a new window once the stored one has ended", async () => {
    const ip = freshIp();
    await consumeApiRateLimit(ip, 50);
    // The window ended a second ago (as if a minute had passed).
    await db.$executeRaw`UPDATE "RateLimit" SET "expire" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "key" = ${`${API_RATE_LIMIT_KEY_PREFIX}${ip}`}`;
    expect(await consumeApiRateLimit(ip, 3)).toMatchObject({
      isAllowed: true,
      remaining: API_RATE_LIMIT.points - 3,
      resetSeconds: API_RATE_LIMIT.durationSeconds,
    });
    const row = await rowOf(ip);
    expect(row?.points).toBe(3);
    expect(row!.expire!.getTime()).toBeGreaterThan(Date.now() + (API_RATE_LIMIT.durationSeconds - 5) * 1000);
  });

  it("shares the count with the other app instances through the database", async () => {
    const ip = freshIp();
    await consumeApiRateLimit(ip, 1);
    // Another instance has counted 118 more requests of this address in the same window.
    await db.$executeRaw`UPDATE "RateLimit" SET "points" = "points" + 118 WHERE "key" = ${`${API_RATE_LIMIT_KEY_PREFIX}${ip}`}`;
    expect(await consumeApiRateLimit(ip)).toMatchObject({ isAllowed: true, remaining: 0 });
    expect((await consumeApiRateLimit(ip)).isAllowed).toBe(false);
  });

  it("lets exactly the limit through when one address sends many requests at once", async () => {
    const ip = freshIp();
    const outcomes = await Promise.all(Array.from({ length: API_RATE_LIMIT.points + 30 }, () => consumeApiRateLimit(ip)));
    expect(outcomes.filter((o) => o.isAllowed)).toHaveLength(API_RATE_LIMIT.points);
    expect((await rowOf(ip))?.points).toBeGreaterThanOrEqual(API_RATE_LIMIT.points);
  });

  it("refuses a used-up address from memory, without asking the database again", async () => {
    const ip = freshIp();
    await consumeApiRateLimit(ip, API_RATE_LIMIT.points);
    const query = vi.spyOn(getPgPool("rateLimit"), "query");
    expect((await consumeApiRateLimit(ip)).isAllowed).toBe(false);
    expect(query).not.toHaveBeenCalled();
  });

  it("reads the directory's version in the same statement", async () => {
    const [row] = await db.$queryRaw<{ version: string }[]>`SELECT "version"::text AS version FROM "DirectoryVersion" WHERE "id" = 1`;
    const outcome = await consumeApiRateLimit(freshIp());
    expect(outcome).toMatchObject({ isAllowed: true, directoryVersion: row?.version ?? null });
    // A change to the directory is seen by the next request.
    await db.$executeRaw`INSERT INTO "DirectoryVersion" ("id", "version") VALUES (1, 424242) ON CONFLICT ("id") DO UPDATE SET "version" = 424242`;
    expect(await consumeApiRateLimit(freshIp())).toMatchObject({ directoryVersion: "424242" });
  });

  it("lets the request through and logs a warning when the database fails", async () => {
    vi.spyOn(getPgPool("rateLimit"), "query").mockImplementation(() => Promise.reject(new Error("Connection terminated unexpectedly")));
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const ip = freshIp();
    const outcome = await consumeApiRateLimit(ip);
    expect(outcome).toEqual({ isAllowed: true, remaining: 0, resetSeconds: API_RATE_LIMIT.durationSeconds });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/rate limit/), expect.objectContaining({ failures: 1 }));
    // Nothing was written, and the next failures within the minute are not logged one by one.
    expect(await rowOf(ip)).toBeNull();
    await consumeApiRateLimit(ip);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("GET /api/v1/clusters with the version read by the rate limit", () => {
  const get = async (path: string) => {
    const response = await listClusters(new Request(`http://x${path}`, { headers: { "x-forwarded-for": freshIp() } }));
    expect(response.status).toBe(200);
    return (await response.json()) as { data: { slug: string; name: string }[] };
  };

  it("answers a repeated query from its cache until the directory changes, then the new data", async () => {
    const path = "/api/v1/clusters?country=DK&sort=name";
    const first = await get(path);
    const slug = first.data[0]!.slug;
    expect(await get(path)).toEqual(first);

    await db.organization.update({ where: { slug }, data: { name: "Aaa Renamed Danish Cluster" } });
    const after = await get(path);
    expect(after.data[0]).toMatchObject({ slug, name: "Aaa Renamed Danish Cluster" });
  });
});
