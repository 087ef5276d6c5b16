import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 10;

/** 30 s, 1 min, 2 min, … capped at 1 h: a down SMTP server is retried for about a day. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

/**
 * Sends due e-mails from the outbox. Rows are claimed with FOR UPDATE SKIP
 * LOCKED inside a transaction, so several app instances can run the worker
 * on one database and each mail is sent by exactly one of them.
 * Returns how many were sent.
 */
export async function deliverDueEmails(options: {
  db: PrismaClient;
  transport: MailTransport;
  from: string;
  batchSize?: number;
}): Promise<number> {
  const { db, transport, from } = options;
  let sent = 0;
  const batchSize = options.batchSize ?? 20;
  for (let i = 0; i < batchSize; i++) {
    const delivered = await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ id: string; toEmail: string; subject: string; text: string; html: string; attempts: number }[]>`
          SELECT id, "toEmail", subject, text, html, attempts FROM "OutboxEmail"
          WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
          ORDER BY "nextAttemptAt" LIMIT 1
          FOR UPDATE SKIP LOCKED`;
        if (!row) return null;
        try {
          await transport.send({ to: row.toEmail, from, subject: row.subject, text: row.text, html: row.html });
          await tx.outboxEmail.update({
            where: { id: row.id },
            data: { status: "SENT", sentAt: new Date(), attempts: row.attempts + 1, lastError: null },
          });
          return true;
        } catch (error) {
          const attempts = row.attempts + 1;
          await tx.outboxEmail.update({
            where: { id: row.id },
            data: {
              attempts,
              status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
              nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
              lastError: error instanceof Error ? error.message.slice(0, 500) : "send failed",
            },
          });
          return false;
        }
      },
      { timeout: 60_000 },
    );
    if (delivered === null) break;
    if (delivered) sent++;
    else break; // the server is failing: leave the rest for the next round
  }
  return sent;
}
