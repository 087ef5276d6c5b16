import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { renderDigestEmail } from "@/lib/mail/templates";
import { isNotificationKind } from "./kinds";
import { NOTIFICATION_SETTINGS_PATH, NOTIFICATIONS_PATH, toNotificationData } from "./notification-data";

export const DIGEST_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

/** Users handled in one run at most; the next run (an hour later) goes on. */
const MAX_USERS_PER_RUN = 1000;

/**
 * The weekly digest. A user is due when they have notices gathered for the
 * digest (inDigest, not yet digestedAt) and their last digest went out a
 * week or more before `now` (or never). Each due user is claimed with
 * FOR UPDATE SKIP LOCKED and handled in one transaction: the e-mail goes to
 * the outbox, the notices get digestedAt and the user digestSentAt, all or
 * nothing. Running it twice, or on two app instances at once, sends one
 * digest: a claimed or just-served user is no longer due.
 *
 * The e-mail lists the notices still unread; those already read in the app
 * are marked digested without a mail. Returns how many digests were queued.
 */
export async function sendWeeklyDigests(options: { db: PrismaClient; now: Date }): Promise<number> {
  const { db, now } = options;
  const dueBefore = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  const { appUrl } = getEnv();
  let sent = 0;

  for (let handled = 0; handled < MAX_USERS_PER_RUN; handled++) {
    const outcome = await db.$transaction(async (tx) => {
      const [user] = await tx.$queryRaw<{ id: string; email: string; locale: string }[]>`
        SELECT u."id", u."email", u."locale" FROM "User" u
        WHERE u."suspendedAt" IS NULL
          AND (u."digestSentAt" IS NULL OR u."digestSentAt" <= ${dueBefore})
          AND EXISTS (
            SELECT 1 FROM "Notification" n
            WHERE n."userId" = u."id" AND n."inDigest" AND n."digestedAt" IS NULL)
        ORDER BY u."digestSentAt" ASC NULLS FIRST, u."id"
        LIMIT 1
        FOR UPDATE OF u SKIP LOCKED`;
      if (!user) return "none" as const;

      const pending = await tx.notification.findMany({
        where: { userId: user.id, inDigest: true, digestedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, data: true, readAt: true },
      });
      const items = pending.flatMap((row) => {
        if (row.readAt !== null || !isNotificationKind(row.kind)) return [];
        const data = toNotificationData(row.data);
        return [{ kind: row.kind, data, url: `${appUrl}${data.path}` }];
      });

      await tx.notification.updateMany({
        where: { id: { in: pending.map((row) => row.id) } },
        data: { digestedAt: now },
      });
      if (items.length === 0) return "nothingUnread" as const;

      const email = renderDigestEmail(user.locale, items, {
        url: `${appUrl}${NOTIFICATIONS_PATH}`,
        settingsUrl: `${appUrl}${NOTIFICATION_SETTINGS_PATH}`,
      });
      await tx.outboxEmail.create({ data: { toEmail: user.email, kind: "notificationDigest", ...email } });
      await tx.user.update({ where: { id: user.id }, data: { digestSentAt: now } });
      return "sent" as const;
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent++;
  }
  return sent;
}
