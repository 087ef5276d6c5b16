import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { can, type Permission } from "@/lib/auth/permissions";

/**
 * In-app notices, written in the caller's transaction. `notifyOrganization`
 * reaches every member whose role has the given permission.
 */
export async function notifyOrganization(
  tx: Prisma.TransactionClient,
  options: { organizationId: string; permission: Permission; kind: string; data: Prisma.InputJsonValue },
): Promise<{ userId: string; email: string; locale: string }[]> {
  const members = await tx.membership.findMany({
    where: { organizationId: options.organizationId },
    select: { role: true, user: { select: { id: true, email: true, locale: true, suspendedAt: true } } },
  });
  const recipients = members
    .filter((m) => can(m.role, options.permission) && !m.user.suspendedAt)
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
