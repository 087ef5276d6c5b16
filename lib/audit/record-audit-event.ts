import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditActor = { id: string; email: string } | null;

export type AuditEventInput = {
  organizationId: string | null;
  actor: AuditActor;
  /** Dotted verb, e.g. "member.role_changed", "invitation.created", "user.suspended". */
  action: string;
  target?: { type: string; id: string; label?: string };
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
};

/** Written in the caller's transaction, so the trail and the change commit together. */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      targetLabel: event.target?.label ?? null,
      metadata: event.metadata,
      ip: event.ip ?? null,
    },
  });
}
