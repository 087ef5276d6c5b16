// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before the first request is handled: rate limits key on the real TCP peer (lib/http/peer-address.ts).
    const { installPeerAddressStamp } = await import("./lib/http/peer-address");
    installPeerAddressStamp();
    const { getEnv } = await import("./lib/env");
    const env = getEnv();
    if (env.nodeEnv === "production") {
      // Anonymous visitors' directory pages from a cache in front of Next.js (lib/http/page-cache-front.ts).
      const { installPageCacheFront } = await import("./lib/http/page-cache-front");
      installPageCacheFront({ isHttps: env.isHttps });
    }
    const { startBackgroundJobs } = await import("./lib/jobs/start-background-jobs");
    startBackgroundJobs();
  }
}
