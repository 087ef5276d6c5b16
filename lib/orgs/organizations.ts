import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";
import { requireMembership } from "./membership";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; ip: string };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates a cluster organisation; the creator becomes its owner. */
export async function createOrganization(
  input: { name: string; country: string; slug: string },
  ctx: Ctx,
): Promise<{ slug: string }> {
  try {
    return await getDb().$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: {
          name: input.name,
          country: input.country,
          slug: input.slug,
          memberships: { create: { userId: ctx.actor.id, role: "OWNER" } },
        },
      });
      await recordAuditEvent(tx, {
        organizationId: org.id,
        actor: ctx.actor,
        action: "organization.created",
        target: { type: "organization", id: org.id, label: org.name },
        ip: ctx.ip,
      });
      return { slug: org.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("orgs.slug.taken", {}, "slug");
    throw error;
  }
}

/** The organisations the user belongs to, for the switcher. */
export async function listMyOrganizations(options: { userId: string }) {
  const memberships = await getDb().membership.findMany({
    where: { userId: options.userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, name: true, slug: true, country: true } } },
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}

/**
 * What the organisation's overview page shows: the acting membership, the
 * member count and, for those who manage invitations, how many are pending.
 */
export async function getOrganizationOverview(input: { orgSlug: string }, ctx: { actor: Actor }) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "org:read" });
  const organizationId = membership.organization.id;
  const db = getDb();
  const canSeeInvitations = can(membership.role, "members:invite");
  const [memberCount, pendingInvitationCount] = await Promise.all([
    db.membership.count({ where: { organizationId } }),
    canSeeInvitations
      ? db.invitation.count({ where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } })
      : Promise.resolve(null),
  ]);
  return { membership, memberCount, pendingInvitationCount };
}

/** Renames the organisation, changes its country or slug (owners and admins). */
export async function updateOrganization(
  input: { orgSlug: string; name: string; country: string; slug: string },
  ctx: Ctx,
): Promise<{ slug: string }> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "org:update" });
  const before = membership.organization;
  try {
    return await getDb().$transaction(async (tx) => {
      // A published profile's name and country are verified facts: a change
      // waits for review (pendingName, pendingCountry) while the old values
      // stay public, the same rule as in the profile editor.
      const profile = await tx.clusterProfile.findUnique({ where: { organizationId: before.id }, select: { status: true } });
      const isPublished = profile?.status === "APPROVED";
      if (isPublished) {
        await tx.clusterProfile.update({
          where: { organizationId: before.id },
          data: {
            pendingName: input.name !== before.name ? input.name : null,
            pendingCountry: input.country !== before.country ? input.country : null,
          },
        });
      }
      const org = await tx.organization.update({
        where: { id: before.id },
        data: isPublished ? { slug: input.slug } : { name: input.name, country: input.country, slug: input.slug },
      });
      await recordAuditEvent(tx, {
        organizationId: org.id,
        actor: ctx.actor,
        action: "organization.updated",
        target: { type: "organization", id: org.id, label: org.name },
        metadata: { before: { name: before.name, country: before.country, slug: before.slug }, after: { name: org.name, country: org.country, slug: org.slug } },
        ip: ctx.ip,
      });
      return { slug: org.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("orgs.slug.taken", {}, "slug");
    throw error;
  }
}

/** Deletes the organisation and everything it owns. Owner only, with its name typed as confirmation. */
export async function deleteOrganization(input: { orgSlug: string; confirmation: string }, ctx: Ctx): Promise<void> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "org:delete" });
  if (input.confirmation.trim() !== membership.organization.name) {
    throw new DomainError("orgs.delete.confirmationMismatch", {}, "confirmation");
  }
  await getDb().$transaction(async (tx) => {
    // Kept at platform level: the organisation's own trail goes with it.
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: ctx.actor,
      action: "organization.deleted",
      target: { type: "organization", id: membership.organization.id, label: membership.organization.name },
      ip: ctx.ip,
    });
    await tx.organization.delete({ where: { id: membership.organization.id } });
  });
}
