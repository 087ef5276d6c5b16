import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createSmtpTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";

const MAIL_INTERVAL_MS = 5_000;
const globalForJobs = globalThis as unknown as { covalentJobsStarted?: boolean };

/**
 * Started once per server process (instrumentation.ts). Every job keeps its
 * state in PostgreSQL and claims work with row locks, so any number of app
 * instances can run them side by side.
 */
export function startBackgroundJobs(): void {
  if (globalForJobs.covalentJobsStarted) return;
  globalForJobs.covalentJobsStarted = true;
  const env = getEnv();

  if (env.smtpUrl) {
    const transport = createSmtpTransport(env.smtpUrl);
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const sent = await deliverDueEmails({ db: getDb(), transport, from: env.mailFrom });
        if (sent > 0) logger.info("mail delivered", { sent });
      } catch (error) {
        // The database may be restarting: try again on the next tick.
        logger.warn("mail delivery round failed", { error });
      } finally {
        running = false;
      }
    };
    setInterval(() => void tick(), MAIL_INTERVAL_MS).unref();
  } else {
    logger.info("SMTP_URL is not set: e-mail stays in the outbox, readable at /dev/mailbox");
  }
}
