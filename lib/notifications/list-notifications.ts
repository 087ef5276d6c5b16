import "server-only";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-error";
import { isNotificationKind, type NotificationData, type NotificationKind } from "./kinds";
import { toNotificationData } from "./notification-data";

/**
 * A user's own notices. Every query has the signed-in user's id in its
 * WHERE: a notification id from a URL or a form that belongs to someone
 * else matches nothing, and the answer is "not found".
 */
type Ctx = { actor: { id: string; email: string } };

/** What the bell and the list render: the text comes from "Notifications.kinds.<kind>" filled from data. */
export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  data: NotificationData;
  readAt: Date | null;
  createdAt: Date;
};

const MAX_PER_PAGE = 100;
const MAX_PAGE = 100_000;

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.floor(value), min), max) : fallback;
}

/** Newest first; `unreadOnly` keeps the unread ones. `unread` is the user's unread count, for the page's header. */
export async function listNotifications(
  input: { page: number; perPage: number; unreadOnly?: boolean },
  ctx: Ctx,
): Promise<{ data: NotificationItem[]; total: number; page: number; perPage: number; totalPages: number; unread: number }> {
  const page = clamp(input.page, 1, MAX_PAGE, 1);
  const perPage = clamp(input.perPage, 1, MAX_PER_PAGE, 20);
  const where = { userId: ctx.actor.id, ...(input.unreadOnly ? { readAt: null } : {}) };
  const db = getDb();
  const [total, unread, rows] = await db.$transaction([
    db.notification.count({ where }),
    db.notification.count({ where: { userId: ctx.actor.id, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, kind: true, data: true, readAt: true, createdAt: true },
    }),
  ]);
  const data = rows.flatMap((row) =>
    // Kinds are never removed (kinds.ts); a row of an unknown kind is skipped rather than shown as a raw key.
    isNotificationKind(row.kind)
      ? [{ id: row.id, kind: row.kind, data: toNotificationData(row.data), readAt: row.readAt, createdAt: row.createdAt }]
      : [],
  );
  return { data, total, page, perPage, totalPages: Math.max(1, Math.ceil(total / perPage)), unread };
}

/** For the bell in the header: one count on the (userId, readAt, createdAt) index. */
export async function countUnreadNotifications(ctx: Ctx): Promise<number> {
  return getDb().notification.count({ where: { userId: ctx.actor.id, readAt: null } });
}

/** Marks one of the user's own notices read; reading it again changes nothing. */
export async function markNotificationRead(input: { notificationId: string }, ctx: Ctx): Promise<void> {
  const db = getDb();
  const { count } = await db.notification.updateMany({
    where: { id: input.notificationId, userId: ctx.actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  if (count === 0) {
    const isOwn = (await db.notification.count({ where: { id: input.notificationId, userId: ctx.actor.id } })) > 0;
    if (!isOwn) throw new NotFoundError();
  }
}

/** Marks every unread notice of the user read; returns how many changed. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<number> {
  const { count } = await getDb().notification.updateMany({
    where: { userId: ctx.actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}
