import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError } from "@/lib/errors/domain-error";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { clearFailedSignIns } from "@/lib/auth/rate-limit";
import { sentRecently } from "./mail-throttle";
import { consumeAuthToken, issueAuthToken } from "./tokens";

/**
 * Sends a reset link when the address has an account; answers the same when
 * it does not. At most one a minute (the earlier link still works).
 */
export async function requestPasswordReset(input: { email: string }): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user || user.suspendedAt) return;
  await db.$transaction(async (tx) => {
    if (await sentRecently(tx, { to: user.email, kind: "resetPassword" })) return;
    const token = await issueAuthToken(tx, { userId: user.id, purpose: "RESET_PASSWORD" });
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "resetPassword",
      data: { url: `${getEnv().appUrl}/reset-password?token=${token}` },
    });
  });
}

/**
 * Sets a new password from a reset link. Ends every session (the session
 * version moves on), makes the other reset links of the account useless and
 * lifts a sign-in lock-out of the account.
 */
export async function resetPassword(input: { token: string; password: string }, ctx: { ip: string }): Promise<void> {
  const db = getDb();
  const email = await db.$transaction(async (tx) => {
    const token = await consumeAuthToken(tx, input.token, "RESET_PASSWORD");
    const user = await tx.user.findUniqueOrThrow({ where: { id: token.userId } });
    const problem = passwordProblem(input.password, { email: user.email });
    if (problem) throw new DomainError(`auth.password.${problem}`, {}, "password");
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: await hashPassword(input.password),
        sessionVersion: { increment: 1 },
        // The link reached the mailbox: the address is verified.
        emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
      },
    });
    await tx.authToken.updateMany({
      where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: null },
      data: { usedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: { id: user.id, email: user.email },
      action: "user.password_reset",
      target: { type: "user", id: user.id, label: user.email },
      ip: ctx.ip,
    });
    return user.email;
  });
  // Whoever followed the link owns the mailbox: the failed attempts that
  // locked the account out no longer matter.
  await clearFailedSignIns(email);
}
