import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError, NotFoundError } from "@/lib/errors/domain-error";
import { countryName } from "@/lib/geo/countries";

type Actor = { id: string; email: string; isPlatformAdmin: boolean };

/** Platform administration: every function checks the actor itself; others get "not found". */
function requirePlatformAdmin(actor: Actor) {
  if (!actor.isPlatformAdmin) throw new NotFoundError();
}

function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/**
 * Search text from a URL for Prisma's `contains`: trimmed and bounded, so a
 * huge `?q=` costs nothing, with LIKE's wildcards escaped (Prisma passes them
 * through), so that "%" or "_" match themselves rather than every row.
 */
function searchText(query: string | undefined): string | undefined {
  const q = query?.trim().slice(0, 200);
  return q ? q.replace(/[\\%_]/g, (char) => `\\${char}`) : undefined;
}

/** The audit actions an administrator's own work writes; shown on the overview. */
export const ADMIN_AUDIT_ACTIONS = ["user.suspended", "user.unsuspended"] as const;

/** Figures for the administration overview, all read in one transaction. */
export async function getPlatformOverview(ctx: { actor: Actor }) {
  requirePlatformAdmin(ctx.actor);
  const db = getDb();
  const [users, suspendedUsers, organizations, pendingEmails, failedEmails, recentEvents] = await db.$transaction([
    db.user.count(),
    db.user.count({ where: { suspendedAt: { not: null } } }),
    db.organization.count(),
    db.outboxEmail.count({ where: { status: "PENDING" } }),
    db.outboxEmail.count({ where: { status: "FAILED" } }),
    db.auditEvent.findMany({
      where: { organizationId: null, action: { in: [...ADMIN_AUDIT_ACTIONS] } },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, action: true, actorEmail: true, targetLabel: true, createdAt: true },
    }),
  ]);
  return {
    counts: { users, suspendedUsers, organizations, pendingEmails, failedEmails },
    recentEvents: recentEvents.map((event) => ({
      ...event,
      action: event.action as (typeof ADMIN_AUDIT_ACTIONS)[number],
    })),
  };
}

export type AdminUserRow = {
  id: string;
  name: string;
  email: string;
  isVerified: boolean;
  isPlatformAdmin: boolean;
  isSuspended: boolean;
  /** The acting administrator's own row: it cannot be suspended. */
  isSelf: boolean;
  organizationCount: number;
  createdAt: Date;
};

/** Every account, newest first, optionally filtered by a part of the e-mail address or name. */
export async function listUsers(
  input: { page: number; perPage: number; query?: string },
  ctx: { actor: Actor },
) {
  requirePlatformAdmin(ctx.actor);
  const q = searchText(input.query);
  const where = q
    ? { OR: [{ email: { contains: q, mode: "insensitive" as const } }, { name: { contains: q, mode: "insensitive" as const } }] }
    : {};
  const db = getDb();
  const [rows, total] = await db.$transaction([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.perPage,
      take: input.perPage,
      select: {
        id: true, email: true, name: true, createdAt: true, emailVerifiedAt: true, suspendedAt: true, isPlatformAdmin: true,
        _count: { select: { memberships: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  const data: AdminUserRow[] = rows.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    isVerified: user.emailVerifiedAt !== null,
    isPlatformAdmin: user.isPlatformAdmin,
    isSuspended: user.suspendedAt !== null,
    isSelf: user.id === ctx.actor.id,
    organizationCount: user._count.memberships,
    createdAt: user.createdAt,
  }));
  return { data, total, page: input.page, perPage: input.perPage, totalPages: pageCount(total, input.perPage) };
}

export type AdminOrganizationRow = {
  id: string;
  name: string;
  slug: string;
  country: string;
  /** In the reader's language. */
  countryName: string;
  memberCount: number;
  createdAt: Date;
};

/** Every organisation, newest first, optionally filtered by a part of the name or slug. */
export async function listOrganizations(
  input: { page: number; perPage: number; query?: string; locale?: string },
  ctx: { actor: Actor },
) {
  requirePlatformAdmin(ctx.actor);
  const q = searchText(input.query);
  const where = q
    ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { slug: { contains: q, mode: "insensitive" as const } }] }
    : {};
  const db = getDb();
  const [rows, total] = await db.$transaction([
    db.organization.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.perPage,
      take: input.perPage,
      select: { id: true, name: true, slug: true, country: true, createdAt: true, _count: { select: { memberships: true } } },
    }),
    db.organization.count({ where }),
  ]);
  const data: AdminOrganizationRow[] = rows.map((org) => ({
    id: org.id,
    name: org.name,
    slug: org.slug,
    country: org.country,
    countryName: countryName(org.country, input.locale ?? "en"),
    memberCount: org._count.memberships,
    createdAt: org.createdAt,
  }));
  return { data, total, page: input.page, perPage: input.perPage, totalPages: pageCount(total, input.perPage) };
}

/**
 * Suspends a user (their sessions end at once and they cannot sign in) or
 * lifts the suspension. Asking for the state the user is already in changes
 * nothing and writes no audit event, so a double click is harmless.
 */
export async function setUserSuspended(
  input: { userId: string; suspended: boolean },
  ctx: { actor: Actor; ip: string },
): Promise<void> {
  requirePlatformAdmin(ctx.actor);
  // An administrator locking themselves out would leave nobody to undo it.
  if (input.userId === ctx.actor.id) throw new DomainError("admin.users.notSelf");
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, suspendedAt: true } });
    if (!user) throw new NotFoundError();
    if ((user.suspendedAt !== null) === input.suspended) return;
    await tx.user.update({
      where: { id: user.id },
      data: input.suspended
        ? // The new version invalidates every JWT the user holds (lib/auth/options.ts).
          { suspendedAt: new Date(), sessionVersion: { increment: 1 } }
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
