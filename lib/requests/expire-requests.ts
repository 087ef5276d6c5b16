import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { notifyOrganization } from "@/lib/notifications/notify";
import { requestPath } from "./internal";
import { REMINDER_AFTER_MS } from "./rules";

/** Requests per transaction: each one writes notices (and e-mails) for up to two organisations. */
const BATCH = 25;
const TX_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

type Claimed = {
  id: string;
  subject: string;
  senderId: string;
  senderName: string;
  senderSlug: string;
  receiverId: string;
  receiverName: string;
  receiverSlug: string;
};

/**
 * The deadlines of unanswered requests, run every minute by
 * lib/jobs/start-background-jobs.ts (and by tests with any `now`):
 * - an OPEN request the receiver has not answered, sent REMINDER_AFTER_DAYS
 *   ago or more, gets one reminder to the receiver (remindedAt);
 * - an OPEN request the receiver has not answered whose expiresAt has come
 *   becomes EXPIRED, with an entry in the thread and a notice to both sides.
 * Each batch is claimed with FOR UPDATE SKIP LOCKED, so several app
 * instances share the work without doing any twice, and a request being
 * accepted or replied to right now (its row locked) is simply left for the
 * next run, which finds it answered. Everything lives in PostgreSQL: a
 * restart loses nothing, and a second run finds nothing left to do.
 */
export async function runRequestDeadlines(options: { db: PrismaClient; now: Date }): Promise<{ reminded: number; expired: number }> {
  const expired = await expireDue(options);
  const reminded = await remindDue(options);
  return { reminded, expired };
}

async function expireDue({ db, now }: { db: PrismaClient; now: Date }): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Claimed[]>`
        SELECT r.id, r.subject, r."senderId", s.name AS "senderName", s.slug AS "senderSlug",
               r."receiverId", o.name AS "receiverName", o.slug AS "receiverSlug"
        FROM "CooperationRequest" r
        JOIN "Organization" s ON s.id = r."senderId"
        JOIN "Organization" o ON o.id = r."receiverId"
        WHERE r.status = 'OPEN' AND r."respondedAt" IS NULL AND r."expiresAt" <= ${now}
        ORDER BY r."expiresAt"
        LIMIT ${BATCH}
        FOR UPDATE OF r SKIP LOCKED`;
      for (const row of rows) {
        await tx.cooperationRequest.update({
          where: { id: row.id },
          // No acting organisation: news for both sides (see isUnreadFor).
          data: { status: "EXPIRED", closedAt: now, lastActivityAt: now, lastActorOrgId: null },
        });
        await tx.requestMessage.create({ data: { requestId: row.id, kind: "EXPIRED", body: "", createdAt: now } });
        await notifyOrganization(tx, {
          organizationId: row.senderId,
          permission: "requests:read",
          kind: "request.expired",
          data: { path: requestPath(row.senderSlug, row.id), orgName: row.receiverName, subject: row.subject },
        });
        await notifyOrganization(tx, {
          organizationId: row.receiverId,
          permission: "requests:read",
          kind: "request.expired",
          data: { path: requestPath(row.receiverSlug, row.id), orgName: row.senderName, subject: row.subject },
        });
      }
      return rows.length;
    }, TX_OPTIONS);
    total += count;
    if (count < BATCH) return total;
  }
}

async function remindDue({ db, now }: { db: PrismaClient; now: Date }): Promise<number> {
  const sentBefore = new Date(now.getTime() - REMINDER_AFTER_MS);
  let total = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Claimed[]>`
        SELECT r.id, r.subject, r."senderId", s.name AS "senderName", s.slug AS "senderSlug",
               r."receiverId", o.name AS "receiverName", o.slug AS "receiverSlug"
        FROM "CooperationRequest" r
        JOIN "Organization" s ON s.id = r."senderId"
        JOIN "Organization" o ON o.id = r."receiverId"
        WHERE r.status = 'OPEN' AND r."respondedAt" IS NULL AND r."remindedAt" IS NULL
          AND r."createdAt" <= ${sentBefore} AND r."expiresAt" > ${now}
        ORDER BY r."createdAt"
        LIMIT ${BATCH}
        FOR UPDATE OF r SKIP LOCKED`;
      for (const row of rows) {
        await tx.cooperationRequest.update({ where: { id: row.id }, data: { remindedAt: now } });
        await notifyOrganization(tx, {
          organizationId: row.receiverId,
          permission: "requests:read",
          kind: "request.reminder",
          data: { path: requestPath(row.receiverSlug, row.id), orgName: row.senderName, subject: row.subject },
        });
      }
      return rows.length;
    }, TX_OPTIONS);
    total += count;
    if (count < BATCH) return total;
  }
}
