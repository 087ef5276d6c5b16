// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv } = await import("./lib/env");
    const env = getEnv();
    if (env.nodeEnv === "production") {
      // The directory page (anonymous visitors) and API answered before Next.js routes them (lib/http/fast-lane.ts).
      const { installFastLane } = await import("./lib/http/fast-lane");
      installFastLane({ isHttps: env.isHttps });
    }
    // Installed last, so it runs first on every request, the fast lane's included:
    // rate limits key on the real TCP peer (lib/http/peer-address.ts).
    const { installPeerAddressStamp } = await import("./lib/http/peer-address");
    installPeerAddressStamp();
    const { startBackgroundJobs } = await import("./lib/jobs/start-background-jobs");
    startBackgroundJobs();
  }
}
