import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { can, type Permission } from "@/lib/auth/permissions";
import type { NotificationData, NotificationKind } from "./kinds";

/**
 * In-app notices, written in the caller's transaction. `notifyOrganization`
 * reaches every member whose role has the given permission.
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
): Promise<{ userId: string; email: string; locale: string }[]> {
  const members = await tx.membership.findMany({
    where: { organizationId: options.organizationId },
    select: { role: true, user: { select: { id: true, email: true, locale: true, suspendedAt: true } } },
  });
  const recipients = members
    .filter((m) => can(m.role, options.permission) && !m.user.suspendedAt && m.user.id !== options.excludeUserId)
    .map((m) => ({ userId: m.user.id, email: m.user.email, locale: m.user.locale }));
  if (recipients.length > 0) {
    await tx.notification.createMany({
      data: recipients.map((r) => ({
        userId: r.userId,
        organizationId: options.organizationId,
        kind: options.kind,
        data: options.data,
      })),
    });
  }
  return recipients;
}
