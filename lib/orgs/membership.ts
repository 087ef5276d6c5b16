import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";

export type ActingMembership = {
  id: string;
  role: Role;
  userId: string;
  organization: { id: string; name: string; slug: string; country: string };
};

/**
 * The tenancy gate. Finds the acting user's membership in the organisation
 * named by a URL slug; the `where` includes the user, so a non-member's
 * lookup matches nothing. Every organisation-scoped page and action starts
 * here, and then scopes its queries by `membership.organization.id`.
 */
export async function findMembership(options: { userId: string; orgSlug: string }): Promise<ActingMembership | null> {
  // Anything that cannot be a slug (a NUL byte, 10 kB from a hand-made URL)
  // is simply not found, without reaching the database.
  if (typeof options.orgSlug !== "string" || !/^[a-z0-9-]{1,100}$/.test(options.orgSlug)) return null;
  return getDb().membership.findFirst({
    where: { userId: options.userId, organization: { slug: options.orgSlug } },
    select: {
      id: true,
      role: true,
      userId: true,
      organization: { select: { id: true, name: true, slug: true, country: true } },
    },
  });
}

/**
 * Like findMembership, but throws: NotFoundError for a non-member (the same
 * answer as for an organisation that does not exist), ForbiddenError for a
 * member whose role lacks the permission.
 */
export async function requireMembership(options: {
  userId: string;
  orgSlug: string;
  permission?: Permission;
}): Promise<ActingMembership> {
  const membership = await findMembership(options);
  if (!membership) throw new NotFoundError();
  if (options.permission && !can(membership.role, options.permission)) throw new ForbiddenError();
  return membership;
}

/**
 * Serialises changes of one organisation: the "last owner" rule counts
 * owners, so two concurrent demotions must not both see two owners; two
 * concurrent invitations of one address must not both see none pending; the
 * daily request limit must count every earlier send.
 *
 * FOR NO KEY UPDATE, not FOR UPDATE: it conflicts with itself, but not with
 * the FOR KEY SHARE that a foreign key check takes. Request and partnership
 * transactions write rows that reference the OTHER organisation; with FOR
 * UPDATE, two organisations acting towards each other at the same moment
 * would each wait for the other (a deadlock).
 */
export async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string) {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR NO KEY UPDATE`;
}

/**
 * The acting membership as it is now, read inside the transaction:
 * requireMembership ran before it, and a concurrent change (the actor
 * demoted or removed a moment ago) must not let a stale role act.
 */
export async function recheckActingMembership(
  tx: Prisma.TransactionClient,
  acting: ActingMembership,
  permission?: Permission,
): Promise<{ id: string; role: Role }> {
  const current = await tx.membership.findFirst({
    where: { id: acting.id, organizationId: acting.organization.id },
    select: { id: true, role: true },
  });
  if (!current) throw new NotFoundError();
  if (permission && !can(current.role, permission)) throw new ForbiddenError();
  return current;
}

/** recheckActingMembership under the organisation lock, for changes that must be serialised. */
export async function lockActingMembership(
  tx: Prisma.TransactionClient,
  acting: ActingMembership,
  permission?: Permission,
): Promise<{ id: string; role: Role }> {
  await lockOrganization(tx, acting.organization.id);
  return recheckActingMembership(tx, acting, permission);
}
