import "server-only";
import { assignableRoles, can, type Role } from "@/lib/auth/permissions";
import { listPendingInvitations } from "./invitations";
import { listMembers, type MemberSort } from "./members";

type Actor = { id: string; email: string };

/**
 * Everything the members page shows: one page of members, the pending
 * invitations (for those who may invite) and the roles the actor may give.
 */
export async function getMembersPage(
  input: { orgSlug: string; page: number; perPage: number; sort: { id: MemberSort; desc: boolean } | null },
  ctx: { actor: Actor },
) {
  const members = await listMembers(input, ctx);
  const role: Role = members.membership.role;
  const invitations = can(role, "members:invite") ? await listPendingInvitations({ orgSlug: input.orgSlug }, ctx) : null;
  return { ...members, invitations, assignableRoles: assignableRoles(role) };
}
