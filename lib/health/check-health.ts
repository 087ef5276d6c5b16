import "server-only";
import { getDb } from "@/lib/db/client";

export type HealthReport =
  | { status: "ok"; db: "ok"; latencyMs: number }
  | { status: "degraded"; db: "unavailable"; message: string };

/** Asks PostgreSQL for a trivial answer, bounded in time. */
export async function checkHealth(options: { timeoutMs?: number } = {}): Promise<HealthReport> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 3_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { status: "ok", db: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return {
      status: "degraded",
      db: "unavailable",
      message: "The database is not answering. The service will recover on its own when it is back.",
    };
  } finally {
    clearTimeout(timer);
  }
}
