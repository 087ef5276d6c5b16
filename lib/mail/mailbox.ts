import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

/** Whether /dev/mailbox exists: a local set-up without SMTP (lib/env.ts devMailbox). */
export function isMailboxEnabled(): boolean {
  return getEnv().devMailbox;
}

/** The newest e-mails in the outbox, optionally for one address. */
export async function listMailbox(options: { to?: string; limit?: number } = {}) {
  if (!isMailboxEnabled()) return null;
  return getDb().outboxEmail.findMany({
    where: options.to ? { toEmail: options.to.trim().toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(options.limit ?? 50, 200),
    select: { id: true, toEmail: true, subject: true, text: true, kind: true, status: true, createdAt: true },
  });
}
