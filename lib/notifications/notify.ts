import "server-only";
import type { NotificationDelivery, Prisma } from "@/lib/db/generated/client";
import { can, type Permission } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { renderNotificationEmail } from "@/lib/mail/templates";
import { defaultDeliveryOf, type NotificationData, type NotificationKind } from "./kinds";
import { isAppPath, NOTIFICATION_SETTINGS_PATH, NOTIFICATIONS_PATH } from "./notification-data";

/**
 * Tells every member of an organisation whose role has the given permission
 * about an event, inside the caller's transaction (so the notice exists
 * exactly when the change was committed). Each recipient gets the in-app
 * notice, and by e-mail what their preference for the kind says:
 * IMMEDIATE puts an e-mail in the outbox now, DIGEST leaves the notice for
 * the weekly digest (lib/notifications/send-digests.ts), OFF sends nothing.
 * Suspended users and the actor (excludeUserId) are not told.
 */
export async function notifyOrganization(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    permission: Permission;
    kind: NotificationKind;
    data: NotificationData;
    /** The member who acted: not told about their own action. */
    excludeUserId?: string;
  },
): Promise<{ userId: string; email: string; locale: string; delivery: NotificationDelivery }[]> {
  const members = await tx.membership.findMany({
    where: { organizationId: options.organizationId },
    select: { role: true, user: { select: { id: true, email: true, locale: true, suspendedAt: true } } },
  });
  const eligible = members.filter(
    (m) => can(m.role, options.permission) && !m.user.suspendedAt && m.user.id !== options.excludeUserId,
  );
  if (eligible.length === 0) return [];

  // One query for every recipient's choice; no row means the kind's default.
  const chosen = await tx.notificationPreference.findMany({
    where: { kind: options.kind, userId: { in: eligible.map((m) => m.user.id) } },
    select: { userId: true, delivery: true },
  });
  const deliveryOf = new Map(chosen.map((p) => [p.userId, p.delivery]));
  const recipients = eligible.map((m) => ({
    userId: m.user.id,
    email: m.user.email,
    locale: m.user.locale,
    delivery: deliveryOf.get(m.user.id) ?? defaultDeliveryOf(options.kind),
  }));

  // A path that is not inside the app would make the link in the bell and
  // the e-mail point elsewhere: fall back to the notifications page.
  const data: NotificationData = { ...options.data, path: isAppPath(options.data.path) ? options.data.path : NOTIFICATIONS_PATH };

  await tx.notification.createMany({
    data: recipients.map((r) => ({
      userId: r.userId,
      organizationId: options.organizationId,
      kind: options.kind,
      data,
      inDigest: r.delivery === "DIGEST",
    })),
  });

  const immediate = recipients.filter((r) => r.delivery === "IMMEDIATE");
  if (immediate.length > 0) {
    const { appUrl } = getEnv();
    const links = { url: `${appUrl}${data.path}`, settingsUrl: `${appUrl}${NOTIFICATION_SETTINGS_PATH}` };
    // The outbox (lib/mail/worker.ts delivers it, with retries): the mail is
    // sent exactly when this transaction commits.
    await tx.outboxEmail.createMany({
      data: immediate.map((r) => ({
        toEmail: r.email,
        kind: options.kind,
        ...renderNotificationEmail(options.kind, r.locale, data, links),
      })),
    });
  }
  return recipients;
}
