import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { recordFailedSignIn, signInRetryAfter } from "@/lib/auth/rate-limit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError } from "@/lib/errors/domain-error";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { consumeAuthToken, issueAuthToken } from "./tokens";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; ip: string };

/**
 * Checks the password again before a sensitive change. It shares the
 * sign-in throttle of the account: someone holding a stolen session cannot
 * guess the password here faster than at the sign-in form.
 */
async function requirePassword(userId: string, password: string, field: "currentPassword" | "password", ip: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
  const retryAfter = await signInRetryAfter(user.email, ip);
  if (retryAfter > 0) {
    throw new DomainError("auth.signIn.rateLimited", { minutes: Math.max(1, Math.ceil(retryAfter / 60)) }, field);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedSignIn(user.email, ip);
    throw new DomainError("auth.password.wrongCurrent", {}, field);
  }
  return user;
}

export async function updateAccount(input: { name: string; locale: string }, ctx: Ctx): Promise<void> {
  await getDb().user.update({ where: { id: ctx.actor.id }, data: { name: input.name, locale: input.locale } });
}

/** Changes the password and ends every session, this one included. */
export async function changePassword(
  input: { currentPassword: string; newPassword: string },
  ctx: Ctx,
): Promise<void> {
  const user = await requirePassword(ctx.actor.id, input.currentPassword, "currentPassword", ctx.ip);
  const problem = passwordProblem(input.newPassword, { email: user.email });
  if (problem) throw new DomainError(`auth.password.${problem}`, {}, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: ctx.actor,
      action: "user.password_changed",
      target: { type: "user", id: user.id, label: user.email },
      ip: ctx.ip,
    });
  });
}

/** Ends every session of the account on every device. */
export async function signOutEverywhere(ctx: Ctx): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.actor.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: ctx.actor,
      action: "user.signed_out_everywhere",
      target: { type: "user", id: ctx.actor.id, label: ctx.actor.email },
      ip: ctx.ip,
    });
  });
}

/**
 * Sends a confirmation link to the new address; the change happens when it
 * is followed. A taken address gets no link (and the answer is the same).
 */
export async function requestEmailChange(input: { password: string; newEmail: string }, ctx: Ctx): Promise<void> {
  const user = await requirePassword(ctx.actor.id, input.password, "password", ctx.ip);
  if (input.newEmail === user.email) throw new DomainError("account.email.same", {}, "newEmail");
  const db = getDb();
  const taken = await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  if (taken) return;
  await db.$transaction(async (tx) => {
    const token = await issueAuthToken(tx, { userId: user.id, purpose: "CHANGE_EMAIL", newEmail: input.newEmail });
    await enqueueEmail(tx, {
      to: input.newEmail,
      locale: user.locale,
      template: "confirmEmailChange",
      data: { url: `${getEnv().appUrl}/confirm-email?token=${token}`, newEmail: input.newEmail },
    });
  });
}

export async function confirmEmailChange(input: { token: string }, ctx: { ip: string }): Promise<{ email: string }> {
  try {
    return await applyEmailChange(input, ctx);
  } catch (error) {
    // Another account took the address between our check and the update.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("account.email.taken");
    }
    throw error;
  }
}

async function applyEmailChange(input: { token: string }, ctx: { ip: string }): Promise<{ email: string }> {
  return getDb().$transaction(async (tx) => {
    const token = await consumeAuthToken(tx, input.token, "CHANGE_EMAIL");
    const newEmail = token.newEmail;
    if (!newEmail) throw new DomainError("auth.token.invalid");
    const taken = await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } });
    if (taken) throw new DomainError("account.email.taken");
    const before = await tx.user.findUniqueOrThrow({ where: { id: token.userId } });
    const user = await tx.user.update({
      where: { id: token.userId },
      data: { email: newEmail, emailVerifiedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: { id: user.id, email: user.email },
      action: "user.email_changed",
      target: { type: "user", id: user.id, label: newEmail },
      metadata: { from: before.email, to: newEmail },
      ip: ctx.ip,
    });
    return { email: newEmail };
  });
}

/** Everything Covalent holds about the user, as one JSON document (GDPR art. 15 and 20). */
export async function exportMyData(ctx: { actor: Actor }) {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: ctx.actor.id },
    select: {
      id: true, email: true, name: true, locale: true, emailVerifiedAt: true, createdAt: true, updatedAt: true,
      memberships: {
        select: { role: true, createdAt: true, organization: { select: { name: true, slug: true, country: true } } },
      },
      invitationsSent: {
        select: { email: true, role: true, createdAt: true, acceptedAt: true, revokedAt: true, organization: { select: { slug: true } } },
      },
      notificationPreferences: { select: { kind: true, delivery: true, updatedAt: true } },
      requestMessagesWritten: {
        orderBy: { createdAt: "desc" },
        take: 5000,
        select: { kind: true, body: true, createdAt: true, request: { select: { subject: true } } },
      },
    },
  });
  const notifications = await db.notification.findMany({
    where: { userId: ctx.actor.id },
    orderBy: { createdAt: "desc" },
    take: 5000,
    select: { kind: true, data: true, readAt: true, createdAt: true },
  });
  const activity = await db.auditEvent.findMany({
    where: { actorId: ctx.actor.id },
    orderBy: { createdAt: "desc" },
    take: 5000,
    select: { action: true, targetType: true, targetLabel: true, ip: true, createdAt: true, organization: { select: { slug: true } } },
  });
  return { exportedAt: new Date().toISOString(), account: user, activity, notifications };
}

/**
 * Deletes the account. Refused while the user is the last owner of an
 * organisation: they must transfer ownership or delete the organisation first.
 */
export async function deleteMyAccount(input: { password: string }, ctx: Ctx): Promise<void> {
  await requirePassword(ctx.actor.id, input.password, "password", ctx.ip);
  await getDb().$transaction(async (tx) => {
    const ownedIds = (
      await tx.membership.findMany({ where: { userId: ctx.actor.id, role: "OWNER" }, select: { organizationId: true } })
    ).map((m) => m.organizationId);
    if (ownedIds.length > 0) {
      // Locks the organisations before counting their owners, so two owners
      // deleting their accounts at once cannot leave an organisation with none.
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ANY(${ownedIds}::text[]) ORDER BY id FOR UPDATE`;
    }
    const owned = await tx.organization.findMany({
      where: { id: { in: ownedIds }, memberships: { some: { userId: ctx.actor.id, role: "OWNER" } } },
      orderBy: { name: "asc" },
      select: { name: true, _count: { select: { memberships: { where: { role: "OWNER" } } } } },
    });
    const soleOwnerOf = owned.filter((o) => o._count.memberships === 1).map((o) => o.name);
    if (soleOwnerOf.length > 0) {
      throw new DomainError("account.delete.lastOwner", { organizations: soleOwnerOf.join(", ") });
    }
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: ctx.actor,
      action: "user.deleted",
      target: { type: "user", id: ctx.actor.id, label: ctx.actor.email },
      ip: ctx.ip,
    });
    await tx.user.delete({ where: { id: ctx.actor.id } });
  });
}
