import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors/domain-error";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { acceptInvitationInTx, findPendingInvitation } from "@/lib/orgs/invitations";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { z } from "zod";
import type { ZSignUpSchema } from "./schemas";
import { sentRecently } from "./mail-throttle";
import { issueAuthToken } from "./tokens";

export type SignUpResult =
  /** A verification link was sent (or, for a known address, a notice): the same answer either way. */
  | { kind: "checkInbox" }
  /** Signed up from an invitation for this address: verified and a member already. */
  | { kind: "joined"; orgSlug: string };

/**
 * Creates an account and sends the verification link. For an address that
 * already has an account it sends that address a notice instead, and answers
 * the same, so the form cannot be used to learn who has an account.
 */
export async function signUp(input: z.output<typeof ZSignUpSchema>, ctx: { ip: string }): Promise<SignUpResult> {
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) throw new DomainError(`auth.password.${problem}`, {}, "password");
  const db = getDb();

  const invitation = input.inviteToken ? await findPendingInvitation(input.inviteToken) : null;
  if (input.inviteToken && !invitation) throw new DomainError("orgs.invitations.invalid");
  if (invitation && invitation.email !== input.email) {
    throw new DomainError("orgs.invitations.otherEmail", { email: invitation.email }, "email");
  }

  // Hashed before looking the address up, so a known address answers no
  // faster than a new one (no account enumeration by timing).
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, locale: true } });
  if (existing) {
    await notifyAccountExists(input.email, existing.locale);
    return { kind: "checkInbox" };
  }

  try {
    return await createAccount(input, passwordHash, invitation !== null, ctx);
  } catch (error) {
    // Two sign-ups for one address at the same moment: the second one
    // loses the race on the unique e-mail and gets the same answer.
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    await notifyAccountExists(input.email, winner?.locale ?? input.locale);
    return { kind: "checkInbox" };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function notifyAccountExists(email: string, locale: string): Promise<void> {
  const { appUrl } = getEnv();
  await getDb().$transaction(async (tx) => {
    if (await sentRecently(tx, { to: email, kind: "accountExists" })) return;
    await enqueueEmail(tx, {
      to: email,
      locale,
      template: "accountExists",
      data: { signInUrl: `${appUrl}/signin`, resetUrl: `${appUrl}/forgot-password` },
    });
  });
}

async function createAccount(
  input: z.output<typeof ZSignUpSchema>,
  passwordHash: string,
  isInvited: boolean,
  ctx: { ip: string },
): Promise<SignUpResult> {
  const { appUrl } = getEnv();
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        locale: input.locale,
        passwordHash,
        // The invitation link reached this address: that verifies it.
        emailVerifiedAt: isInvited ? new Date() : null,
      },
    });
    await recordAuditEvent(tx, {
      organizationId: null,
      actor: { id: user.id, email: user.email },
      action: "user.signed_up",
      target: { type: "user", id: user.id, label: user.email },
      ip: ctx.ip,
    });
    if (isInvited && input.inviteToken) {
      const { orgSlug } = await acceptInvitationInTx(tx, {
        token: input.inviteToken,
        user: { id: user.id, email: user.email },
        ip: ctx.ip,
      });
      return { kind: "joined", orgSlug } as const;
    }
    const token = await issueAuthToken(tx, { userId: user.id, purpose: "VERIFY_EMAIL" });
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "verifyEmail",
      data: { url: `${appUrl}/verify-email?token=${token}` },
    });
    return { kind: "checkInbox" } as const;
  });
}
