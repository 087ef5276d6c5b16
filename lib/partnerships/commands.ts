import "server-only";
import { can } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { requireMembership, type ActingMembership } from "@/lib/orgs/membership";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notifyOrganization } from "@/lib/notifications/notify";
import { DESCRIPTION_MAX, DESCRIPTION_MIN, REASON_MAX, ZPartnershipId, nextTie, type TieStrength } from "./schemas";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; ip: string };

type OrgRef = { id: string; name: string; slug: string };

type LockedPartnership = {
  id: string;
  tie: TieStrength;
  isActive: boolean;
  proposedTie: TieStrength | null;
  proposedByOrgId: string | null;
  proposedDescription: string | null;
  us: OrgRef;
  partner: OrgRef;
};

type Step = {
  tx: Prisma.TransactionClient;
  partnership: LockedPartnership;
  acting: ActingMembership;
  actorName: string;
  now: Date;
};

/**
 * The steps every partnership command shares, in one transaction: the
 * permission (requireMembership before, the role read again inside so a
 * member demoted a moment ago cannot act), the partnership row locked FOR
 * UPDATE and found only when the acting organisation is one of its two
 * sides (so another organisation's id is "not found", and two concurrent
 * commands on one partnership run one after the other and each sees the
 * other's result), then the command's own checks and writes.
 */
async function withLockedPartnership<T>(
  input: { orgSlug: string; partnershipId: string },
  ctx: Ctx,
  body: (step: Step) => Promise<T>,
): Promise<T> {
  const acting = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:send" });
  if (!ZPartnershipId.safeParse(input.partnershipId).success) throw new NotFoundError();
  const organizationId = acting.organization.id;
  return getDb().$transaction(async (tx) => {
    const current = await tx.membership.findFirst({
      where: { id: acting.id, organizationId },
      select: { role: true, user: { select: { name: true } } },
    });
    if (!current) throw new NotFoundError();
    if (!can(current.role, "requests:send")) throw new ForbiddenError();

    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Partnership"
      WHERE id = ${input.partnershipId}
        AND ("organizationAId" = ${organizationId} OR "organizationBId" = ${organizationId})
      FOR NO KEY UPDATE`;
    if (!locked) throw new NotFoundError();
    const org = { select: { id: true, name: true, slug: true } } as const;
    const row = await tx.partnership.findUniqueOrThrow({
      where: { id: locked.id },
      include: { organizationA: org, organizationB: org },
    });
    const isA = row.organizationAId === organizationId;
    const partnership: LockedPartnership = {
      id: row.id,
      tie: row.tie,
      isActive: row.isActive,
      proposedTie: row.proposedTie,
      proposedByOrgId: row.proposedByOrgId,
      proposedDescription: row.proposedDescription,
      us: isA ? row.organizationA : row.organizationB,
      partner: isA ? row.organizationB : row.organizationA,
    };
    return body({ tx, partnership, acting, actorName: current.user.name, now: new Date() });
  });
}

const clearedProposal = {
  proposedTie: null,
  proposedByOrgId: null,
  proposedDescription: null,
  proposedAt: null,
} as const;

/** What a step writes besides the row: the history event, the other side's notice and our audit trail. */
async function record(
  step: Step,
  ctx: Ctx,
  what: {
    event: Prisma.PartnershipEventUncheckedCreateInput["kind"];
    tie: TieStrength;
    description?: string | null;
    audit: string;
    notify?: { kind: NotificationKind; reason?: string };
  },
) {
  const { tx, partnership, acting, actorName, now } = step;
  await tx.partnershipEvent.create({
    data: {
      partnershipId: partnership.id,
      kind: what.event,
      organizationId: acting.organization.id,
      actorId: ctx.actor.id,
      actorName,
      tie: what.tie,
      description: what.description ?? null,
      createdAt: now,
    },
  });
  if (what.notify) {
    await notifyOrganization(tx, {
      organizationId: partnership.partner.id,
      permission: "requests:read",
      kind: what.notify.kind,
      data: {
        path: `/o/${partnership.partner.slug}/partnerships/${partnership.id}`,
        orgName: partnership.us.name,
        tie: what.tie,
        ...(what.notify.reason ? { reason: what.notify.reason } : {}),
      },
      excludeUserId: ctx.actor.id,
    });
  }
  await recordAuditEvent(tx, {
    organizationId: acting.organization.id,
    actor: ctx.actor,
    action: what.audit,
    target: { type: "partnership", id: partnership.id, label: partnership.partner.name },
    metadata: { tie: what.tie, partnerSlug: partnership.partner.slug },
    ip: ctx.ip,
  });
}

function requireActive(partnership: LockedPartnership) {
  if (!partnership.isActive) throw new DomainError("partnerships.errors.ended");
}

/** The pending proposal that the OTHER side made: only they can be answered. */
function requireTheirProposal(partnership: LockedPartnership, organizationId: string): TieStrength {
  requireActive(partnership);
  if (!partnership.proposedTie) throw new DomainError("partnerships.errors.noProposal");
  if (partnership.proposedByOrgId === organizationId) throw new DomainError("partnerships.errors.ownProposal");
  return partnership.proposedTie;
}

/**
 * Proposes to raise the tie by one step (weak → durable → covalent), with
 * the description of what stands behind it; the other side confirms or
 * declines. One proposal at a time.
 */
export async function proposeTieRaise(
  input: { orgSlug: string; partnershipId: string; tie: TieStrength; description: string },
  ctx: Ctx,
): Promise<{ partnershipId: string; tie: TieStrength }> {
  return withLockedPartnership(input, ctx, async (step) => {
    const { tx, partnership, now } = step;
    requireActive(partnership);
    if (partnership.proposedTie) throw new DomainError("partnerships.errors.proposalPending");
    const next = nextTie(partnership.tie);
    if (!next) throw new DomainError("partnerships.errors.alreadyStrongest");
    if (input.tie !== next) throw new DomainError("partnerships.errors.oneStepOnly", {}, "tie");
    const description = typeof input.description === "string" ? input.description.trim() : "";
    if (description.length < DESCRIPTION_MIN) throw new DomainError("partnerships.description.tooShort", {}, "description");
    if (description.length > DESCRIPTION_MAX) throw new DomainError("partnerships.description.tooLong", {}, "description");

    await tx.partnership.update({
      where: { id: partnership.id },
      data: {
        proposedTie: next,
        proposedByOrgId: step.acting.organization.id,
        proposedDescription: description,
        proposedAt: now,
        lastActivityAt: now,
      },
    });
    await record(step, ctx, {
      event: "RAISE_PROPOSED",
      tie: next,
      description,
      audit: "partnership.raise_proposed",
      notify: { kind: "partnership.raiseProposed" },
    });
    return { partnershipId: partnership.id, tie: next };
  });
}

/** The other side confirms the proposal: the tie is raised and its description kept. */
export async function confirmTieRaise(
  input: { orgSlug: string; partnershipId: string },
  ctx: Ctx,
): Promise<{ partnershipId: string; tie: TieStrength }> {
  return withLockedPartnership(input, ctx, async (step) => {
    const { tx, partnership, now } = step;
    const tie = requireTheirProposal(partnership, step.acting.organization.id);
    await tx.partnership.update({
      where: { id: partnership.id },
      data: { tie, description: partnership.proposedDescription, ...clearedProposal, lastActivityAt: now },
    });
    await record(step, ctx, {
      event: "RAISE_CONFIRMED",
      tie,
      description: partnership.proposedDescription,
      audit: "partnership.raise_confirmed",
      notify: { kind: "partnership.raiseConfirmed" },
    });
    return { partnershipId: partnership.id, tie };
  });
}

/** The other side declines the proposal, optionally saying why; the tie stays as it was. */
export async function declineTieRaise(
  input: { orgSlug: string; partnershipId: string; reason?: string },
  ctx: Ctx,
): Promise<{ partnershipId: string }> {
  return withLockedPartnership(input, ctx, async (step) => {
    const { tx, partnership, now } = step;
    const tie = requireTheirProposal(partnership, step.acting.organization.id);
    const reason = cleanReason(input.reason);
    await tx.partnership.update({ where: { id: partnership.id }, data: { ...clearedProposal, lastActivityAt: now } });
    await record(step, ctx, {
      event: "RAISE_DECLINED",
      tie,
      description: reason,
      audit: "partnership.raise_declined",
      notify: { kind: "partnership.raiseDeclined", reason },
    });
    return { partnershipId: partnership.id };
  });
}

/**
 * The proposing side takes its proposal back: the other side, told of the
 * proposal, is told it has nothing left to answer; it is in the history too.
 */
export async function withdrawTieRaise(
  input: { orgSlug: string; partnershipId: string },
  ctx: Ctx,
): Promise<{ partnershipId: string }> {
  return withLockedPartnership(input, ctx, async (step) => {
    const { tx, partnership, now } = step;
    requireActive(partnership);
    if (!partnership.proposedTie) throw new DomainError("partnerships.errors.noProposal");
    if (partnership.proposedByOrgId !== step.acting.organization.id) throw new DomainError("partnerships.errors.notOwnProposal");
    await tx.partnership.update({ where: { id: partnership.id }, data: { ...clearedProposal, lastActivityAt: now } });
    await record(step, ctx, {
      event: "RAISE_WITHDRAWN",
      tie: partnership.proposedTie,
      audit: "partnership.raise_withdrawn",
      notify: { kind: "partnership.raiseWithdrawn" },
    });
    return { partnershipId: partnership.id };
  });
}

/**
 * Either side ends the partnership. The row and its history stay; a new
 * accepted request renews it as a weak tie (record-accepted-request.ts).
 */
export async function endPartnership(
  input: { orgSlug: string; partnershipId: string; reason?: string },
  ctx: Ctx,
): Promise<{ partnershipId: string }> {
  return withLockedPartnership(input, ctx, async (step) => {
    const { tx, partnership, now } = step;
    requireActive(partnership);
    const reason = cleanReason(input.reason);
    await tx.partnership.update({
      where: { id: partnership.id },
      data: {
        isActive: false,
        endedAt: now,
        endedByOrgId: step.acting.organization.id,
        ...clearedProposal,
        lastActivityAt: now,
      },
    });
    await record(step, ctx, {
      event: "ENDED",
      tie: partnership.tie,
      description: reason,
      audit: "partnership.ended",
      notify: { kind: "partnership.ended", reason },
    });
    return { partnershipId: partnership.id };
  });
}

function cleanReason(reason: unknown): string | undefined {
  if (typeof reason !== "string") return undefined;
  const trimmed = reason.trim();
  if (trimmed.length > REASON_MAX) throw new DomainError("partnerships.reason.tooLong", {}, "reason");
  return trimmed || undefined;
}
