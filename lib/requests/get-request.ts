import "server-only";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-error";
import { requireMembership } from "@/lib/orgs/membership";
import { ZRequestId } from "./schemas";

type Actor = { id: string; email: string };

/**
 * One request with its thread, for one of its two organisations; any other
 * organisation (and an id that does not exist, or cannot be an id) gets
 * NotFoundError. Tenancy is in the WHERE. Says which side the acting
 * organisation is on and what the acting member may do now, and marks the
 * request as seen by this side.
 */
export async function getRequest(input: { orgSlug: string; requestId: string }, ctx: { actor: Actor }) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  if (!ZRequestId.safeParse(input.requestId).success) throw new NotFoundError();
  const orgId = membership.organization.id;
  const db = getDb();
  const orgSelect = { select: { id: true, name: true, slug: true, country: true } } as const;
  const request = await db.cooperationRequest.findFirst({
    where: { id: input.requestId, OR: [{ senderId: orgId }, { receiverId: orgId }] },
    select: {
      id: true,
      kind: true,
      subject: true,
      status: true,
      declineReason: true,
      expiresAt: true,
      respondedAt: true,
      closedAt: true,
      createdAt: true,
      lastActivityAt: true,
      lastActorOrgId: true,
      senderSeenAt: true,
      receiverSeenAt: true,
      partnershipId: true,
      sender: orgSelect,
      receiver: orgSelect,
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, body: true, authorName: true, organizationId: true, createdAt: true },
      },
    },
  });
  if (!request) throw new NotFoundError();

  const side = request.sender.id === orgId ? ("sender" as const) : ("receiver" as const);
  const seenField = side === "sender" ? "senderSeenAt" : "receiverSeenAt";
  const seenAt = request[seenField];
  const wasUnread = request.lastActorOrgId !== orgId && (seenAt === null || request.lastActivityAt > seenAt);
  await db.cooperationRequest.updateMany({ where: { id: request.id }, data: { [seenField]: new Date() } });

  const canWrite = can(membership.role, "requests:send");
  const isOpen = request.status === "OPEN";
  const actions = {
    canReply: canWrite && (isOpen || request.status === "ACCEPTED"),
    canAccept: canWrite && isOpen && side === "receiver",
    canDecline: canWrite && isOpen && side === "receiver",
    canWithdraw: canWrite && isOpen && side === "sender",
  };
  const us = side === "sender" ? request.sender : request.receiver;
  const them = side === "sender" ? request.receiver : request.sender;
  return {
    membership,
    side,
    /** There was news for this side before this visit (the navigation's unread count was counting it). */
    wasUnread,
    actions,
    us,
    other: them,
    request: {
      id: request.id,
      kind: request.kind,
      subject: request.subject,
      status: request.status,
      declineReason: request.declineReason,
      expiresAt: request.expiresAt,
      respondedAt: request.respondedAt,
      closedAt: request.closedAt,
      createdAt: request.createdAt,
      lastActivityAt: request.lastActivityAt,
      partnershipId: request.partnershipId,
    },
    messages: request.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      authorName: m.authorName,
      createdAt: m.createdAt,
      /** "us", "them", or "system" (the expiry job). */
      from: m.organizationId === null ? ("system" as const) : m.organizationId === orgId ? ("us" as const) : ("them" as const),
    })),
  };
}

export type RequestPageData = Awaited<ReturnType<typeof getRequest>>;
