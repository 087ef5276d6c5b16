import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { canManageMember, type Role } from "@/lib/auth/permissions";
import { createToken, hashToken, isWellFormedToken } from "@/lib/auth/tokens";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { lockActingMembership, requireMembership } from "./membership";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; ip: string };

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

function invitationUrl(token: string) {
  return `${getEnv().appUrl}/invite/${token}`;
}

async function sendInvitationEmail(
  tx: Prisma.TransactionClient,
  options: { email: string; token: string; orgName: string; inviter: { name: string; locale: string }; role: Role },
) {
  // In the invitee's language when they have an account, else the inviter's.
  const invitee = await tx.user.findUnique({ where: { email: options.email }, select: { locale: true } });
  await enqueueEmail(tx, {
    to: options.email,
    locale: invitee?.locale ?? options.inviter.locale,
    template: "invitation",
    data: { url: invitationUrl(options.token), orgName: options.orgName, inviterName: options.inviter.name, role: options.role },
  });
}

export async function inviteMember(input: { orgSlug: string; email: string; role: Role }, ctx: Ctx): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:invite" });
  if (!canManageMember(acting.role, input.role)) throw new ForbiddenError();
  const orgId = acting.organization.id;
  const db = getDb();
  await db.$transaction(async (tx) => {
    const me = await lockActingMembership(tx, acting, "members:invite");
    if (!canManageMember(me.role, input.role)) throw new ForbiddenError();
    const alreadyMember = await tx.membership.findFirst({ where: { organizationId: orgId, user: { email: input.email } } });
    if (alreadyMember) throw new DomainError("orgs.invitations.alreadyMember", { email: input.email }, "email");
    const pending = await tx.invitation.findFirst({
      where: { organizationId: orgId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (pending) throw new DomainError("orgs.invitations.alreadyInvited", { email: input.email }, "email");
    const { token, tokenHash } = createToken();
    const invitation = await tx.invitation.create({
      data: {
        organizationId: orgId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: ctx.actor.id,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { name: true, locale: true } });
    await sendInvitationEmail(tx, { email: input.email, token, orgName: acting.organization.name, inviter, role: input.role });
    await recordAuditEvent(tx, {
      organizationId: orgId,
      actor: ctx.actor,
      action: "invitation.created",
      target: { type: "invitation", id: invitation.id, label: input.email },
      metadata: { role: input.role },
      ip: ctx.ip,
    });
  });
}

/**
 * Invitations not yet accepted or revoked (expired ones too: they can be
 * sent again), with what the acting member may do to each.
 */
export async function listPendingInvitations(input: { orgSlug: string }, ctx: { actor: Actor }) {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:invite" });
  const rows = await getDb().invitation.findMany({
    where: { organizationId: acting.organization.id, acceptedAt: null, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
    select: { id: true, email: true, role: true, expiresAt: true, lastSentAt: true, invitedBy: { select: { name: true } } },
  });
  const now = new Date();
  return rows.map((row) => ({
    ...row,
    isExpired: row.expiresAt <= now,
    canManage: canManageMember(acting.role, row.role),
  }));
}

/** A pending invitation of the acting organisation; anything else is "not found". */
async function findOwnPending(tx: Prisma.TransactionClient, organizationId: string, invitationId: string) {
  const invitation = await tx.invitation.findFirst({
    where: { id: invitationId, organizationId, acceptedAt: null, revokedAt: null },
  });
  if (!invitation) throw new NotFoundError();
  return invitation;
}

export async function revokeInvitation(input: { orgSlug: string; invitationId: string }, ctx: Ctx): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:invite" });
  await getDb().$transaction(async (tx) => {
    const me = await lockActingMembership(tx, acting, "members:invite");
    const invitation = await findOwnPending(tx, acting.organization.id, input.invitationId);
    if (!canManageMember(me.role, invitation.role)) throw new ForbiddenError();
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      organizationId: acting.organization.id,
      actor: ctx.actor,
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      ip: ctx.ip,
    });
  });
}

/** Sends the invitation again with a new link (the old one stops working) and a fresh 7 days. */
export async function resendInvitation(input: { orgSlug: string; invitationId: string }, ctx: Ctx): Promise<void> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "members:invite" });
  await getDb().$transaction(async (tx) => {
    const me = await lockActingMembership(tx, acting, "members:invite");
    const invitation = await findOwnPending(tx, acting.organization.id, input.invitationId);
    if (!canManageMember(me.role, invitation.role)) throw new ForbiddenError();
    const { token, tokenHash } = createToken();
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS), lastSentAt: new Date() },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { name: true, locale: true } });
    await sendInvitationEmail(tx, { email: invitation.email, token, orgName: acting.organization.name, inviter, role: invitation.role });
    await recordAuditEvent(tx, {
      organizationId: acting.organization.id,
      actor: ctx.actor,
      action: "invitation.resent",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      ip: ctx.ip,
    });
  });
}

export type InvitationLookup =
  | { status: "pending"; email: string; role: Role; orgName: string; orgSlug: string; expiresAt: Date }
  | { status: "expired" | "used" | "invalid" };

/** What the invitation page shows for a link. */
export async function lookupInvitation(token: string): Promise<InvitationLookup> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: { select: { name: true, slug: true } } },
  });
  if (!invitation || invitation.revokedAt) return { status: "invalid" };
  if (invitation.acceptedAt) return { status: "used" };
  if (invitation.expiresAt < new Date()) return { status: "expired" };
  return {
    status: "pending",
    email: invitation.email,
    role: invitation.role,
    orgName: invitation.organization.name,
    orgSlug: invitation.organization.slug,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * The invitation page: what the link says, and who is looking at it (the
 * invited address, another signed-in account, or nobody signed in).
 */
export async function getInvitationPage(
  token: string,
  viewer: { email: string } | null,
): Promise<{ invitation: InvitationLookup; viewer: "invitee" | "otherAccount" | "signedOut" }> {
  const invitation = await lookupInvitation(token);
  const kind = !viewer ? "signedOut" : invitation.status === "pending" && invitation.email === viewer.email ? "invitee" : "otherAccount";
  return { invitation, viewer: kind };
}

export async function findPendingInvitation(token: string) {
  const found = await lookupInvitation(token);
  return found.status === "pending" ? found : null;
}

/**
 * Accepts an invitation for `user` inside a transaction (also used by sign-up
 * from the link). The invitation is for one address: another account cannot
 * use a forwarded link.
 */
export async function acceptInvitationInTx(
  tx: Prisma.TransactionClient,
  options: { token: string; user: Actor; ip: string },
): Promise<{ orgSlug: string }> {
  if (!isWellFormedToken(options.token)) throw new DomainError("orgs.invitations.invalid");
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(options.token) },
    include: { organization: { select: { id: true, slug: true } } },
  });
  if (!invitation || invitation.revokedAt) throw new DomainError("orgs.invitations.invalid");
  if (invitation.acceptedAt) throw new DomainError("orgs.invitations.used");
  if (invitation.expiresAt < new Date()) throw new DomainError("orgs.invitations.expired");
  if (invitation.email !== options.user.email) {
    throw new DomainError("orgs.invitations.otherEmail", { email: invitation.email });
  }
  // Claimed in one statement, so a double click accepts once.
  // The same conditions as above, so a revoke or resend that commits between
  // the read and this claim wins (the old link must stop working).
  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, tokenHash: invitation.tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (claimed.count !== 1) throw new DomainError("orgs.invitations.used");
  const existing = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: invitation.organizationId, userId: options.user.id } },
  });
  if (!existing) {
    await tx.membership.create({
      data: { organizationId: invitation.organizationId, userId: options.user.id, role: invitation.role },
    });
  }
  await recordAuditEvent(tx, {
    organizationId: invitation.organizationId,
    actor: options.user,
    action: "invitation.accepted",
    target: { type: "user", id: options.user.id, label: options.user.email },
    metadata: { role: invitation.role },
    ip: options.ip,
  });
  return { orgSlug: invitation.organization.slug };
}

export async function acceptInvitation(input: { token: string }, ctx: Ctx): Promise<{ orgSlug: string }> {
  return getDb().$transaction((tx) => acceptInvitationInTx(tx, { token: input.token, user: ctx.actor, ip: ctx.ip }));
}
