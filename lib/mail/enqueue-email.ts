import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { renderEmail, type EmailData, type EmailTemplate } from "./templates";

/**
 * Puts an e-mail in the outbox, inside the caller's transaction: the mail
 * exists exactly when the change that caused it was committed. Delivery is
 * the worker's job (lib/mail/worker.ts), so a failing SMTP server never fails
 * the user's action and never loses the mail.
 */
export async function enqueueEmail<K extends EmailTemplate>(
  tx: Prisma.TransactionClient,
  options: { to: string; locale: string; template: K; data: EmailData<K> },
): Promise<void> {
  const rendered = renderEmail(options.template, options.locale, options.data);
  await tx.outboxEmail.create({
    data: { toEmail: options.to, kind: options.template, ...rendered },
  });
}
