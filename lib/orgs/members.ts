import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { canManageMember, type Role } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { requireMembership } from "./membership";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; ip: string };

/**
 * Serialises membership changes of one organisation: the "last owner" rule
 * counts owners, and two concurrent demotions must not both see two owners.
 */
async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string) {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
}

async function ownerCount(tx: Prisma.TransactionClient, organizationId: string) {
  return tx.membership.count({ where: { organizationId, role: "OWNER" } });
}

/** A member of the acting organisation by id; another organisation's member is "not found". */
async function findTarget(tx: Prisma.TransactionClient, organizationId: string, membershipId: string) {
  const target = await tx.membership.findFirst({
    where: { id: membershipId, organizationId },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!target) throw new NotFoundError();
  return target;
}

export async function listMembers(input: { orgSlug: string }, ctx: { actor: Actor }) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:read" });
  const members = await getDb().membership.findMany({
    where: { organizationId: membership.organization.id },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return { membership, members };
}

export async function changeMemberRole(
  input: { orgSlug: string; membershipId: string; role: Role },
  ctx: Ctx,
): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:update-role" });
  const orgId = acting.organization.id;
  await getDb().$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const target = await findTarget(tx, orgId, input.membershipId);
    // An admin may neither touch an owner nor make one.
    if (!canManageMember(acting.role, target.role) || !canManageMember(acting.role, input.role)) {
      throw new ForbiddenError();
    }
    if (target.role === input.role) return;
    if (target.role === "OWNER" && (await ownerCount(tx, orgId)) === 1) {
      throw new DomainError("orgs.members.lastOwner");
    }
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAuditEvent(tx, {
      organizationId: orgId,
      actor: ctx.actor,
      action: "member.role_changed",
      target: { type: "user", id: target.user.id, label: target.user.email },
      metadata: { from: target.role, to: input.role },
      ip: ctx.ip,
    });
  });
}

export async function removeMember(input: { orgSlug: string; membershipId: string }, ctx: Ctx): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:remove" });
  const orgId = acting.organization.id;
  await getDb().$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const target = await findTarget(tx, orgId, input.membershipId);
    if (target.userId === ctx.actor.id) throw new DomainError("orgs.members.useLeave");
    if (!canManageMember(acting.role, target.role)) throw new ForbiddenError();
    if (target.role === "OWNER" && (await ownerCount(tx, orgId)) === 1) throw new DomainError("orgs.members.lastOwner");
    await tx.membership.delete({ where: { id: target.id } });
    await recordAuditEvent(tx, {
      organizationId: orgId,
      actor: ctx.actor,
      action: "member.removed",
      target: { type: "user", id: target.user.id, label: target.user.email },
      metadata: { role: target.role },
      ip: ctx.ip,
    });
  });
}

/** Leaves the organisation. The last owner cannot: they transfer ownership or delete it. */
export async function leaveOrganization(input: { orgSlug: string }, ctx: Ctx): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug });
  const orgId = acting.organization.id;
  await getDb().$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const me = await findTarget(tx, orgId, acting.id);
    if (me.role === "OWNER" && (await ownerCount(tx, orgId)) === 1) throw new DomainError("orgs.members.lastOwnerLeave");
    await tx.membership.delete({ where: { id: me.id } });
    await recordAuditEvent(tx, {
      organizationId: orgId,
      actor: ctx.actor,
      action: "member.left",
      target: { type: "user", id: ctx.actor.id, label: ctx.actor.email },
      ip: ctx.ip,
    });
  });
}

/** Makes another member the owner; the current owner stays on as an admin. */
export async function transferOwnership(input: { orgSlug: string; membershipId: string }, ctx: Ctx): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "ownership:transfer" });
  const orgId = acting.organization.id;
  await getDb().$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    const target = await findTarget(tx, orgId, input.membershipId);
    if (target.id === acting.id) throw new DomainError("orgs.members.transferToSelf");
    await tx.membership.update({ where: { id: target.id }, data: { role: "OWNER" } });
    await tx.membership.update({ where: { id: acting.id }, data: { role: "ADMIN" } });
    await recordAuditEvent(tx, {
      organizationId: orgId,
      actor: ctx.actor,
      action: "organization.ownership_transferred",
      target: { type: "user", id: target.user.id, label: target.user.email },
      metadata: { previousRole: target.role },
      ip: ctx.ip,
    });
  });
}

export async function listAuditEvents(
  input: { orgSlug: string; page: number; perPage: number },
  ctx: { actor: Actor },
) {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "audit:read" });
  const where = { organizationId: acting.organization.id };
  const db = getDb();
  const [data, total] = await db.$transaction([
    db.auditEvent.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (input.page - 1) * input.perPage,
      take: input.perPage,
      select: { id: true, action: true, actorEmail: true, targetLabel: true, metadata: true, ip: true, createdAt: true },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { data, total, page: input.page, perPage: input.perPage, totalPages: Math.max(1, Math.ceil(total / input.perPage)) };
}

