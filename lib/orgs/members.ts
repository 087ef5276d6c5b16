import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { can, canManageMember, type Role } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { lockActingMembership, requireMembership } from "./membership";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; ip: string };

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

export const MEMBER_SORTS = ["name", "email", "role", "since"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

function memberOrder(sort: { id: MemberSort; desc: boolean } | null | undefined): Prisma.MembershipOrderByWithRelationInput[] {
  const dir = sort?.desc ? "desc" : "asc";
  switch (sort?.id) {
    case "name":
      return [{ user: { name: dir } }, { id: "asc" }];
    case "email":
      return [{ user: { email: dir } }, { id: "asc" }];
    // Enum order: owner, admin, editor, member.
    case "role":
      return [{ role: dir }, { createdAt: "asc" }, { id: "asc" }];
    case "since":
      return [{ createdAt: dir }, { id: "asc" }];
    default:
      return [{ createdAt: "asc" }, { id: "asc" }];
  }
}

/**
 * One page of the organisation's members, each with what the acting member
 * may do to them (the rules of lib/auth/permissions.ts, decided here so the
 * page only shows buttons).
 */
export async function listMembers(
  input: { orgSlug: string; page?: number; perPage?: number; sort?: { id: MemberSort; desc: boolean } | null },
  ctx: { actor: Actor },
) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:read" });
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const perPage = Math.min(100, Math.max(1, Math.floor(input.perPage ?? 100)));
  const where = { organizationId: membership.organization.id };
  const db = getDb();
  const [rows, total] = await db.$transaction([
    db.membership.findMany({
      where,
      orderBy: memberOrder(input.sort),
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.membership.count({ where }),
  ]);
  const actor = membership.role;
  const data = rows.map((row) => {
    const isSelf = row.user.id === ctx.actor.id;
    return {
      ...row,
      isSelf,
      canChangeRole: can(actor, "members:update-role") && canManageMember(actor, row.role),
      canRemove: !isSelf && can(actor, "members:remove") && canManageMember(actor, row.role),
      canTransferOwnership: !isSelf && can(actor, "ownership:transfer") && row.role !== "OWNER",
      canLeave: isSelf,
    };
  });
  return { membership, data, total, page, perPage, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}

export async function changeMemberRole(
  input: { orgSlug: string; membershipId: string; role: Role },
  ctx: Ctx,
): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:update-role" });
  const orgId = acting.organization.id;
  await getDb().$transaction(async (tx) => {
    const me = await lockActingMembership(tx, acting, "members:update-role");
    const target = await findTarget(tx, orgId, input.membershipId);
    // An admin may neither touch an owner nor make one.
    if (!canManageMember(me.role, target.role) || !canManageMember(me.role, input.role)) {
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
    const me = await lockActingMembership(tx, acting, "members:remove");
    const target = await findTarget(tx, orgId, input.membershipId);
    if (target.userId === ctx.actor.id) throw new DomainError("orgs.members.useLeave");
    if (!canManageMember(me.role, target.role)) throw new ForbiddenError();
    if (target.role === "OWNER" && (await ownerCount(tx, orgId)) === 1) {
      throw new DomainError("orgs.members.lastOwner");
    }
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
    const me = await lockActingMembership(tx, acting);
    if (me.role === "OWNER" && (await ownerCount(tx, orgId)) === 1) {
      throw new DomainError("orgs.members.lastOwnerLeave");
    }
    await tx.membership.delete({ where: { id: me.id } });
    await recordAuditEvent(tx, {
      organizationId: orgId,
      actor: ctx.actor,
      action: "member.left",
      target: { type: "user", id: ctx.actor.id, label: ctx.actor.email },
      metadata: { role: me.role },
      ip: ctx.ip,
    });
  });
}

/** Makes another member the owner; the current owner stays on as an admin. */
export async function transferOwnership(input: { orgSlug: string; membershipId: string }, ctx: Ctx): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "ownership:transfer" });
  const orgId = acting.organization.id;
  await getDb().$transaction(async (tx) => {
    const me = await lockActingMembership(tx, acting, "ownership:transfer");
    const target = await findTarget(tx, orgId, input.membershipId);
    if (target.id === me.id) throw new DomainError("orgs.members.transferToSelf");
    if (target.role === "OWNER") throw new DomainError("orgs.members.alreadyOwner", { email: target.user.email });
    await tx.membership.update({ where: { id: target.id }, data: { role: "OWNER" } });
    await tx.membership.update({ where: { id: me.id }, data: { role: "ADMIN" } });
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
  const page = Math.max(1, Math.floor(input.page));
  const perPage = Math.min(100, Math.max(1, Math.floor(input.perPage)));
  const where = { organizationId: acting.organization.id };
  const db = getDb();
  const [data, total] = await db.$transaction([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, action: true, actorEmail: true, targetLabel: true, metadata: true, ip: true, createdAt: true },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { membership: acting, data, total, page, perPage, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}
