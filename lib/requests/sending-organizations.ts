import "server-only";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

/**
 * The organisations a signed-in user may send a cooperation request from to
 * the organisation with `receiverSlug`: those where their role has
 * "requests:send" and whose profile is approved, other than the receiver.
 * Only the user's own memberships are read. For the "Request cooperation"
 * box on a public profile.
 */
export async function listSendingOrganizations(
  input: { receiverSlug: string },
  ctx: { actor: { id: string } },
): Promise<{ organizations: { slug: string; name: string }[]; isReceiverMember: boolean }> {
  const memberships = await getDb().membership.findMany({
    where: { userId: ctx.actor.id },
    select: { role: true, organization: { select: { slug: true, name: true, profile: { select: { status: true } } } } },
    orderBy: { organization: { name: "asc" } },
  });
  const organizations = memberships
    .filter((m) => can(m.role, "requests:send") && m.organization.profile?.status === "APPROVED" && m.organization.slug !== input.receiverSlug)
    .map((m) => ({ slug: m.organization.slug, name: m.organization.name }));
  return { organizations, isReceiverMember: memberships.some((m) => m.organization.slug === input.receiverSlug) };
}
