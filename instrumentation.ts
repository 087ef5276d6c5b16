// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before the first request is handled: rate limits key on the real TCP peer (lib/http/peer-address.ts).
    const { installPeerAddressStamp } = await import("./lib/http/peer-address");
    installPeerAddressStamp();
    const { startBackgroundJobs } = await import("./lib/jobs/start-background-jobs");
    startBackgroundJobs();
  }
}
