import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError, NotFoundError } from "@/lib/errors/domain-error";

type Actor = { id: string; email: string; isPlatformAdmin: boolean };

/** Platform administration: every function checks the actor itself; others get "not found". */
function requirePlatformAdmin(actor: Actor) {
  if (!actor.isPlatformAdmin) throw new NotFoundError();
}

export async function listUsers(
  input: { page: number; perPage: number; query?: string },
  ctx: { actor: Actor },
) {
  requirePlatformAdmin(ctx.actor);
  const q = input.query?.trim().slice(0, 200);
  const where = q
    ? { OR: [{ email: { contains: q, mode: "insensitive" as const } }, { name: { contains: q, mode: "insensitive" as const } }] }
    : {};
  const db = getDb();
  const [data, total] = await db.$transaction([
    db.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (input.page - 1) * input.perPage,
      take: input.perPage,
      select: {
        id: true, email: true, name: true, createdAt: true, emailVerifiedAt: true, suspendedAt: true, isPlatformAdmin: true,
        _count: { select: { memberships: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { data, total, page: input.page, perPage: input.perPage, totalPages: Math.max(1, Math.ceil(total / input.perPage)) };
}

export async function listOrganizations(input: { page: number; perPage: number }, ctx: { actor: Actor }) {
  requirePlatformAdmin(ctx.actor);
  const db = getDb();
  const [data, total] = await db.$transaction([
    db.organization.findMany({
      orderBy: { createdAt: "desc" },
      skip: (input.page - 1) * input.perPage,
      take: input.perPage,
      select: { id: true, name: true, slug: true, country: true, createdAt: true, _count: { select: { memberships: true } } },
    }),
    db.organization.count(),
  ]);
  return { data, total, page: input.page, perPage: input.perPage, totalPages: Math.max(1, Math.ceil(total / input.perPage)) };
}

/** Suspends a user: their sessions end at once and they cannot sign in. */
export async function setUserSuspended(
  input: { userId: string; suspended: boolean },
  ctx: { actor: Actor; ip: string },
): Promise<void> {
  requirePlatformAdmin(ctx.actor);
  if (input.userId === ctx.actor.id) throw new DomainError("admin.users.notSelf");
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError();
    await tx.user.update({
      where: { id: user.id },
      data: input.suspended
        ? { suspendedAt: user.suspendedAt ?? new Date(), sessionVersion: { increment: 1 } }
        : { suspendedAt: null },
    });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: ctx.actor,
      action: input.suspended ? "user.suspended" : "user.unsuspended",
      target: { type: "user", id: user.id, label: user.email },
      ip: ctx.ip,
    });
  });
}
