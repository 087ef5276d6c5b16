import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createSmtpTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { sendWeeklyDigests } from "@/lib/notifications/send-digests";
import { notifyNewMatches } from "@/lib/recommendations/notify-new-matches";
import { runRequestDeadlines } from "@/lib/requests/expire-requests";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const MAIL_BATCH = 20;
const MAIL_BATCHES_PER_ROUND = 25;

const globalForJobs = globalThis as unknown as { covalentJobsStarted?: boolean };

/**
 * Runs `round` every `intervalMs` (first after `firstAfterMs`), never two
 * rounds of one job at once in this process. A failed round is logged and
 * tried again next time: the database may be restarting. The round returns
 * what it did, logged when it did anything.
 */
function scheduleJob(options: {
  name: string;
  intervalMs: number;
  firstAfterMs?: number;
  round: () => Promise<Record<string, number>>;
}): void {
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const done = await options.round();
      if (Object.values(done).some((n) => n > 0)) logger.info(options.name, done);
    } catch (error) {
      logger.warn(`${options.name}: round failed`, { error });
    } finally {
      isRunning = false;
    }
  };
  if (options.firstAfterMs !== undefined) setTimeout(() => void tick(), options.firstAfterMs).unref();
  setInterval(() => void tick(), options.intervalMs).unref();
}

/**
 * Started once per server process (instrumentation.ts). Every job keeps its
 * state in PostgreSQL, takes `now` as a parameter and claims work with row
 * locks (FOR UPDATE SKIP LOCKED), so any number of app instances can run
 * them side by side and a restart loses nothing.
 */
export function startBackgroundJobs(): void {
  if (globalForJobs.covalentJobsStarted) return;
  globalForJobs.covalentJobsStarted = true;
  const env = getEnv();

  if (env.smtpUrl) {
    const transport = createSmtpTransport(env.smtpUrl);
    scheduleJob({
      name: "mail delivery",
      intervalMs: 5 * SECOND,
      round: async () => {
        // Keep going while whole batches come back, so a burst of mail drains
        // within one round instead of 20 mails every 5 seconds.
        let sent = 0;
        for (let round = 0; round < MAIL_BATCHES_PER_ROUND; round++) {
          const delivered = await deliverDueEmails({ db: getDb(), transport, from: env.mailFrom, batchSize: MAIL_BATCH });
          sent += delivered;
          if (delivered < MAIL_BATCH) break;
        }
        return { sent };
      },
    });
  } else {
    logger.info("SMTP_URL is not set: e-mail stays in the outbox, readable at /dev/mailbox");
  }

  // Day-14 reminders and day-30 expiry of unanswered cooperation requests
  // (lib/requests/expire-requests.ts); their notices reach the outbox
  // whether or not SMTP is configured.
  scheduleJob({
    name: "request deadlines",
    intervalMs: MINUTE,
    round: () => runRequestDeadlines({ db: getDb(), now: new Date() }),
  });

  // The weekly notification digest (lib/notifications/send-digests.ts):
  // checked hourly; each user is mailed once their last digest is a week old.
  scheduleJob({
    name: "weekly digests",
    intervalMs: HOUR,
    firstAfterMs: MINUTE,
    round: async () => ({ sent: await sendWeeklyDigests({ db: getDb(), now: new Date() }) }),
  });

  // "New matches" for every organisation (lib/recommendations/notify-new-matches.ts):
  // checked daily; who was told what lives in the Notification table, so a
  // restart or a second instance sends nothing twice.
  scheduleJob({
    name: "new partner suggestions",
    intervalMs: 24 * HOUR,
    firstAfterMs: 5 * MINUTE,
    round: () => notifyNewMatches({ db: getDb(), now: new Date() }),
  });
}
