import "server-only";
import { getDb } from "@/lib/db/client";
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
  if (typeof options.orgSlug !== "string" || options.orgSlug.length > 100) return null;
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
