import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createSmtpTransport } from "@/lib/mail/transport";
import { deliverDueEmails } from "@/lib/mail/worker";
import { sendWeeklyDigests } from "@/lib/notifications/send-digests";
import { runRequestDeadlines } from "@/lib/requests/expire-requests";
import { notifyNewMatches } from "@/lib/recommendations/notify-new-matches";

const MAIL_INTERVAL_MS = 5_000;
const REQUEST_DEADLINES_INTERVAL_MS = 60_000;
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

  startWeeklyDigests();
  startNewMatches();

  // Day-14 reminders and day-30 expiry of unanswered cooperation requests
  // (their notices reach the outbox whether or not SMTP is configured).
  let isRunningDeadlines = false;
  const deadlinesTick = async () => {
    if (isRunningDeadlines) return;
    isRunningDeadlines = true;
    try {
      const { reminded, expired } = await runRequestDeadlines({ db: getDb(), now: new Date() });
      if (reminded + expired > 0) logger.info("request deadlines", { reminded, expired });
    } catch (error) {
      // The database may be restarting: try again on the next tick.
      logger.warn("request deadlines round failed", { error });
    } finally {
      isRunningDeadlines = false;
    }
  };
  setInterval(() => void deadlinesTick(), REQUEST_DEADLINES_INTERVAL_MS).unref();
}

const DIGEST_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The weekly notification digest (lib/notifications/send-digests.ts):
 * checked hourly, each user is mailed once their last digest is a week old.
 * A restart loses nothing: what is due is read from PostgreSQL each time.
 */
function startWeeklyDigests(): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const sent = await sendWeeklyDigests({ db: getDb(), now: new Date() });
      if (sent > 0) logger.info("weekly digests queued", { sent });
    } catch (error) {
      logger.warn("weekly digest round failed", { error });
    } finally {
      running = false;
    }
  };
  setTimeout(() => void tick(), 60_000).unref();
  setInterval(() => void tick(), DIGEST_CHECK_INTERVAL_MS).unref();
}

const NEW_MATCHES_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * "New matches" for every organisation (lib/recommendations/notify-new-matches.ts):
 * checked daily (and a few minutes after a start); who was told what lives in
 * the Notification table, so a restart or a second instance sends nothing twice.
 */
function startNewMatches(): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { organizations, notified } = await notifyNewMatches({ db: getDb(), now: new Date() });
      if (notified > 0) logger.info("new partner suggestions notified", { organizations, notified });
    } catch (error) {
      logger.warn("new partner suggestions round failed", { error });
    } finally {
      running = false;
    }
  };
  setTimeout(() => void tick(), 5 * 60_000).unref();
  setInterval(() => void tick(), NEW_MATCHES_INTERVAL_MS).unref();
}
