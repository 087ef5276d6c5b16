import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { notifyOrganization } from "@/lib/notifications/notify";
import { lockActingMembership, requireMembership } from "@/lib/orgs/membership";
import { actorName, isOpenRequestConflict, requestPath } from "./internal";
import { DAILY_LIMIT_WINDOW_MS, DAILY_REQUEST_LIMIT, REQUEST_LIFETIME_MS } from "./rules";
import type { SendRequestInput } from "./schemas";

type Ctx = { actor: { id: string; email: string }; ip: string };

/**
 * Sends a cooperation request from the acting organisation (`orgSlug`) to
 * the organisation whose public profile has `receiverSlug`, with its first
 * message, and tells the receiver. Rules: both profiles approved, not to
 * one's own organisation, one open request per pair and kind (held by the
 * database: of concurrent identical submissions exactly one is stored), at
 * most DAILY_REQUEST_LIMIT requests per sending organisation in 24 hours
 * (counted under a lock of the sender, so parallel sends cannot overshoot).
 */
export async function sendCooperationRequest(input: SendRequestInput, ctx: Ctx): Promise<{ id: string; orgSlug: string }> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:send" });
  const sender = acting.organization;
  const db = getDb();

  // Checks that need no lock come first, outside the transaction, so that the
  // time under the sender's lock stays short (parallel sends queue on it).
  const receiver = await db.organization.findUnique({
    where: { slug: input.receiverSlug },
    select: { id: true, name: true, slug: true, profile: { select: { status: true } } },
  });
  if (receiver?.id === sender.id) throw new DomainError("requests.errors.ownOrganization");
  // An unknown slug and an unpublished organisation get the same answer.
  if (!receiver || receiver.profile?.status !== "APPROVED") throw new DomainError("requests.errors.receiverUnavailable");
  const senderProfile = await db.clusterProfile.findUnique({ where: { organizationId: sender.id }, select: { status: true } });
  if (senderProfile?.status !== "APPROVED") throw new DomainError("requests.errors.senderNotApproved");
  // A repeat of a request already stored fails here, without queueing on
  // the lock (the check under the lock below is the one that counts).
  const alreadyOpen = await db.cooperationRequest.findFirst({
    where: { senderId: sender.id, receiverId: receiver.id, kind: input.kind, status: "OPEN" },
    select: { id: true },
  });
  if (alreadyOpen) throw new DomainError("requests.errors.alreadyOpen");
  const authorName = await actorName(db, ctx.actor.id);

  try {
    return await db.$transaction(
      async (tx) => {
        // Under the lock, the open-request check and the daily count see
        // every earlier send of this organisation (one query for both).
        await lockActingMembership(tx, acting, "requests:send");
        const now = new Date();
        const since = new Date(now.getTime() - DAILY_LIMIT_WINDOW_MS);
        const [earlier] = await tx.$queryRaw<{ sentToday: number; hasOpen: boolean }[]>`
          SELECT count(*) FILTER (WHERE "createdAt" > ${since})::int AS "sentToday",
                 coalesce(bool_or(status = 'OPEN' AND "receiverId" = ${receiver.id} AND kind::text = ${input.kind}), false) AS "hasOpen"
          FROM "CooperationRequest"
          WHERE "senderId" = ${sender.id}
            AND ("createdAt" > ${since} OR (status = 'OPEN' AND "receiverId" = ${receiver.id}))`;
        if (earlier?.hasOpen) throw new DomainError("requests.errors.alreadyOpen");
        if ((earlier?.sentToday ?? 0) >= DAILY_REQUEST_LIMIT) throw new DomainError("requests.errors.dailyLimit", { limit: DAILY_REQUEST_LIMIT });

        const request = await tx.cooperationRequest.create({
          data: {
            senderId: sender.id,
            receiverId: receiver.id,
            kind: input.kind,
            subject: input.subject,
            createdById: ctx.actor.id,
            expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_MS),
            lastActivityAt: now,
            lastActorOrgId: sender.id,
            senderSeenAt: now,
            createdAt: now,
            messages: {
              create: { organizationId: sender.id, authorId: ctx.actor.id, authorName, kind: "OPENING", body: input.message, createdAt: now },
            },
          },
          select: { id: true },
        });
        await notifyOrganization(tx, {
          organizationId: receiver.id,
          permission: "requests:read",
          kind: "request.received",
          data: { path: requestPath(receiver.slug, request.id), orgName: sender.name, subject: input.subject },
        });
        await recordAuditEvent(tx, {
          organizationId: sender.id,
          actor: ctx.actor,
          action: "request.sent",
          target: { type: "request", id: request.id, label: input.subject },
          metadata: { receiver: receiver.slug, kind: input.kind },
          ip: ctx.ip,
        });
        return { id: request.id, orgSlug: sender.slug };
      },
      // Parallel sends of one organisation queue on its lock: give them time.
      { maxWait: 15_000, timeout: 20_000 },
    );
  } catch (error) {
    // The organisation lock makes the check above see an earlier send; the
    // index is the last word (another path, a lock-free future change).
    if (isOpenRequestConflict(error)) throw new DomainError("requests.errors.alreadyOpen");
    throw error;
  }
}
