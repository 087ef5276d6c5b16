/**
 * Small helpers shared by the benchmark and load scripts (bench-directory,
 * bench-recommendations, seed-scale, load/*).
 */
import net from "node:net";

/** The p-th percentile of latencies sorted ascending (nearest rank); NaN for none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Whether something accepts TCP connections on 127.0.0.1:port (the embedded PostgreSQL of `npm run db`), within a second. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}
