import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Forms anyone can submit (sign-up, "resend the link", "forgot password")
 * send mail to the address typed in. Without a pause between two mails of
 * one kind to one address, they could be used to flood someone's inbox.
 * The previous link keeps working, so the answer stays the same.
 */
export const MAIL_COOLDOWN_MS = 60 * 1000;

export async function sentRecently(
  db: Prisma.TransactionClient,
  options: { to: string; kind: string; withinMs?: number },
): Promise<boolean> {
  const since = new Date(Date.now() - (options.withinMs ?? MAIL_COOLDOWN_MS));
  const recent = await db.outboxEmail.findFirst({
    where: { toEmail: options.to, kind: options.kind, createdAt: { gt: since } },
    select: { id: true },
  });
  return recent !== null;
}
