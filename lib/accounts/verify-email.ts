import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { sentRecently } from "./mail-throttle";
import { consumeAuthToken, issueAuthToken } from "./tokens";

/** Confirms the address a verification link was sent to. */
export async function verifyEmail(input: { token: string }, ctx: { ip: string }): Promise<{ email: string }> {
  return getDb().$transaction(async (tx) => {
    const token = await consumeAuthToken(tx, input.token, "VERIFY_EMAIL");
    const user = await tx.user.update({
      where: { id: token.userId },
      data: { emailVerifiedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: { id: user.id, email: user.email },
      action: "user.email_verified",
      target: { type: "user", id: user.id, label: user.email },
      ip: ctx.ip,
    });
    return { email: user.email };
  });
}

/**
 * Sends a fresh verification link to an unverified account (same answer for
 * any address); at most one a minute, the earlier link still working.
 */
export async function resendVerification(input: { email: string }): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user || user.emailVerifiedAt || user.suspendedAt) return;
  await db.$transaction(async (tx) => {
    if (await sentRecently(tx, { to: user.email, kind: "verifyEmail" })) return;
    const token = await issueAuthToken(tx, { userId: user.id, purpose: "VERIFY_EMAIL" });
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "verifyEmail",
      data: { url: `${getEnv().appUrl}/verify-email?token=${token}` },
    });
  });
}
