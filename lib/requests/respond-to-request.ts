import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RequestMessageKind, RequestStatus } from "@/lib/db/generated/enums";
import { DomainError, NotFoundError } from "@/lib/errors/domain-error";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notifyOrganization } from "@/lib/notifications/notify";
import { recheckActingMembership, requireMembership, type ActingMembership } from "@/lib/orgs/membership";
import { recordAcceptedRequest } from "@/lib/partnerships/record-accepted-request";
import { actorName, lockRequestForOrg, requestPath, type LockedRequest } from "./internal";
import { ZRequestId } from "./schemas";

type Ctx = { actor: { id: string; email: string }; ip: string };

type Step = {
  /** Who may take the step: either side, or only one. */
  side: "either" | "sender" | "receiver";
  /** The statuses the request must be in. */
  from: readonly RequestStatus[];
  /** The status after the step (none for a reply). */
  to?: RequestStatus;
  message: RequestMessageKind;
  notification: NotificationKind;
  audit: string;
};

const STEPS = {
  reply: { side: "either", from: ["OPEN", "ACCEPTED"], message: "REPLY", notification: "request.message", audit: "request.replied" },
  accept: { side: "receiver", from: ["OPEN"], to: "ACCEPTED", message: "ACCEPTED", notification: "request.accepted", audit: "request.accepted" },
  decline: { side: "receiver", from: ["OPEN"], to: "DECLINED", message: "DECLINED", notification: "request.declined", audit: "request.declined" },
  withdraw: { side: "sender", from: ["OPEN"], to: "WITHDRAWN", message: "WITHDRAWN", notification: "request.withdrawn", audit: "request.withdrawn" },
} as const satisfies Record<string, Step>;

/**
 * The one path every answer takes: locks the request row (concurrent accept
 * and withdraw run one after the other; the second finds the new status and
 * fails cleanly), checks the acting member again inside the transaction
 * (a role taken away a moment ago no longer counts), checks side
 * and status, writes the thread message, the new status, the activity
 * marker, the other side's notification and the audit event, all in one
 * transaction. `extra` runs inside it for what one step adds (the
 * partnership of an accepted request).
 */
async function takeStep(
  step: Step,
  input: { orgSlug: string; requestId: string; body?: string; declineReason?: string },
  ctx: Ctx,
  extra?: (tx: Prisma.TransactionClient, request: LockedRequest, acting: ActingMembership, authorName: string) => Promise<void>,
): Promise<{ id: string }> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:send" });
  if (!ZRequestId.safeParse(input.requestId).success) throw new NotFoundError();
  const orgId = acting.organization.id;

  return getDb().$transaction(
    async (tx) => {
      const request = await lockRequestForOrg(tx, input.requestId, orgId);
      // No organisation lock: the request row's lock serialises decisions on it.
      await recheckActingMembership(tx, acting, "requests:send");
      if (step.side !== "either" && step.side !== request.side) {
        throw new DomainError(step.side === "receiver" ? "requests.errors.onlyReceiver" : "requests.errors.onlySender");
      }
      if (!step.from.includes(request.status)) throw new DomainError("requests.errors.wrongState");

      const now = new Date();
      const authorName = await actorName(tx, ctx.actor.id);
      const isReceiver = request.side === "receiver";
      await tx.requestMessage.create({
        data: { requestId: request.id, organizationId: orgId, authorId: ctx.actor.id, authorName, kind: step.message, body: input.body ?? "", createdAt: now },
      });
      await tx.cooperationRequest.update({
        where: { id: request.id },
        data: {
          ...(step.to ? { status: step.to, closedAt: now } : {}),
          ...(input.declineReason !== undefined ? { declineReason: input.declineReason } : {}),
          // The receiver's first answer of any kind stops the reminder and the expiry.
          ...(isReceiver && request.respondedAt === null ? { respondedAt: now } : {}),
          lastActivityAt: now,
          lastActorOrgId: orgId,
          ...(isReceiver ? { receiverSeenAt: now } : { senderSeenAt: now }),
        },
      });
      await extra?.(tx, request, acting, authorName);

      const otherId = isReceiver ? request.senderId : request.receiverId;
      const other = await tx.organization.findUniqueOrThrow({ where: { id: otherId }, select: { slug: true } });
      await notifyOrganization(tx, {
        organizationId: otherId,
        permission: "requests:read",
        kind: step.notification,
        data: {
          path: requestPath(other.slug, request.id),
          orgName: acting.organization.name,
          subject: request.subject,
          ...(input.declineReason !== undefined ? { reason: input.declineReason } : {}),
        },
      });
      await recordAuditEvent(tx, {
        organizationId: orgId,
        actor: ctx.actor,
        action: step.audit,
        target: { type: "request", id: request.id, label: request.subject },
        ip: ctx.ip,
      });
      return { id: request.id };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}

/** A message in the thread, by either side, while the request is open or accepted. */
export async function replyToRequest(input: { orgSlug: string; requestId: string; message: string }, ctx: Ctx): Promise<{ id: string }> {
  return takeStep(STEPS.reply, { ...input, body: input.message }, ctx);
}

/**
 * The receiver accepts an open request: the two organisations become
 * partners (a weak tie), or the request is recorded on their partnership.
 */
export async function acceptRequest(
  input: { orgSlug: string; requestId: string },
  ctx: Ctx,
): Promise<{ id: string; partnershipId: string }> {
  let partnershipId = "";
  const result = await takeStep(STEPS.accept, input, ctx, async (tx, request, acting, authorName) => {
    ({ partnershipId } = await recordAcceptedRequest(tx, {
      requestId: request.id,
      senderId: request.senderId,
      receiverId: request.receiverId,
      actingOrgId: acting.organization.id,
      actor: { id: ctx.actor.id, name: authorName },
    }));
  });
  return { ...result, partnershipId };
}

/** The receiver declines an open request, with a reason the sender sees. */
export async function declineRequest(input: { orgSlug: string; requestId: string; reason: string }, ctx: Ctx): Promise<{ id: string }> {
  return takeStep(STEPS.decline, { orgSlug: input.orgSlug, requestId: input.requestId, body: input.reason, declineReason: input.reason }, ctx);
}

/** The sender takes back an open request. */
export async function withdrawRequest(input: { orgSlug: string; requestId: string }, ctx: Ctx): Promise<{ id: string }> {
  return takeStep(STEPS.withdraw, input, ctx);
}
