import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError, NotFoundError } from "@/lib/errors/domain-error";
import { notifyOrganization } from "@/lib/notifications/notify";
import { evaluateChecklist } from "./checklist";
import { toPlainProfile } from "./profiles";

type Admin = { id: string; email: string; isPlatformAdmin: boolean };

function requirePlatformAdmin(actor: Admin) {
  if (!actor.isPlatformAdmin) throw new NotFoundError();
}

/**
 * The verification queue: submitted profiles, and published ones whose new
 * name or country waits for review. Oldest first, with ECCP's checklist.
 */
export async function listReviewQueue(ctx: { actor: Admin }) {
  requirePlatformAdmin(ctx.actor);
  const rows = await getDb().clusterProfile.findMany({
    where: { OR: [{ status: "PENDING" }, { status: "APPROVED", OR: [{ pendingName: { not: null } }, { pendingCountry: { not: null } }] }] },
    orderBy: [{ submittedAt: "asc" }, { updatedAt: "asc" }],
    take: 200,
    include: { organization: { select: { id: true, name: true, slug: true, country: true } } },
  });
  return rows.map((row) => {
    const profile = toPlainProfile(row);
    return {
      organization: row.organization,
      profile,
      kind: row.status === "PENDING" ? ("newProfile" as const) : ("nameOrCountryChange" as const),
      checklist: evaluateChecklist(profile),
    };
  });
}

/**
 * Approves or rejects what waits for review. Approving a new profile
 * publishes it; approving a name or country change applies it. Rejecting
 * needs a reason, which the organisation receives by e-mail and in the app.
 */
export async function reviewProfile(
  input: { organizationId: string; decision: "approve" | "reject"; reason: string },
  ctx: { actor: Admin; ip: string },
): Promise<void> {
  requirePlatformAdmin(ctx.actor);
  if (input.decision === "reject" && input.reason.trim().length < 5) {
    throw new DomainError("profiles.errors.reasonRequired", {}, "reason");
  }
  await getDb().$transaction(async (tx) => {
    const profile = await tx.clusterProfile.findUnique({
      where: { organizationId: input.organizationId },
      include: { organization: true },
    });
    const hasPendingChange = profile?.status === "APPROVED" && (profile.pendingName !== null || profile.pendingCountry !== null);
    if (!profile || (profile.status !== "PENDING" && !hasPendingChange)) throw new DomainError("profiles.errors.notInQueue");
    const org = profile.organization;
    const now = new Date();

    if (input.decision === "approve") {
      if (hasPendingChange) {
        await tx.organization.update({
          where: { id: org.id },
          data: { name: profile.pendingName ?? org.name, country: profile.pendingCountry ?? org.country },
        });
      }
      await tx.clusterProfile.update({
        where: { organizationId: org.id },
        data: {
          status: "APPROVED",
          publishedAt: profile.publishedAt ?? now,
          reviewedAt: now,
          reviewedById: ctx.actor.id,
          rejectionReason: null,
          pendingName: null,
          pendingCountry: null,
        },
      });
    } else {
      await tx.clusterProfile.update({
        where: { organizationId: org.id },
        data: hasPendingChange
          ? { pendingName: null, pendingCountry: null, reviewedAt: now, reviewedById: ctx.actor.id, rejectionReason: input.reason }
          : { status: "REJECTED", reviewedAt: now, reviewedById: ctx.actor.id, rejectionReason: input.reason },
      });
    }

    const approved = input.decision === "approve";
    // In the app and by e-mail, as each editor's notification settings say.
    await notifyOrganization(tx, {
      organizationId: org.id,
      permission: "profile:edit",
      kind: approved ? "profile.approved" : "profile.rejected",
      data: {
        path: `/o/${org.slug}/profile`,
        // An approved name change is told under the new name.
        orgName: approved ? (profile.pendingName ?? org.name) : org.name,
        ...(approved ? {} : { reason: input.reason }),
      },
    });
    await recordAuditEvent(tx, {
      organizationId: org.id,
      actor: ctx.actor,
      action: approved ? "profile.approved" : "profile.rejected",
      target: { type: "organization", id: org.id, label: org.name },
      metadata: { reason: approved ? null : input.reason, change: hasPendingChange ? "nameOrCountry" : "profile" },
      ip: ctx.ip,
    });
  });
}
