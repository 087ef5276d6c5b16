import "server-only";
import { getDb } from "@/lib/db/client";
import type { ClusterProfile, Prisma } from "@/lib/db/generated/client";
import { can } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DomainError } from "@/lib/errors/domain-error";
import { requireMembership } from "@/lib/orgs/membership";
import { evaluateChecklist } from "./checklist";
import type { ProfileInput } from "./schemas";

type Actor = { id: string; email: string };
type Ctx = { actor: Actor; ip: string };

/**
 * Thrown when the profile changed since the editor loaded it. Its field is
 * "version", so a form can tell a conflict from other errors (and offer to
 * load the other editor's version).
 */
export class ProfileConflictError extends DomainError {
  constructor(readonly current: { updatedAt: Date; updatedByName: string | null; version: number }) {
    super(
      "profiles.errors.conflict",
      {
        name: current.updatedByName ?? "—",
        time: current.updatedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC",
      },
      "version",
    );
    this.name = "ProfileConflictError";
  }
}

/** The organisation's profile row, created as a draft the first time it is needed. */
export async function ensureProfile(tx: Prisma.TransactionClient, organizationId: string): Promise<ClusterProfile> {
  const existing = await tx.clusterProfile.findUnique({ where: { organizationId } });
  if (existing) return existing;
  // Not Prisma's upsert: it reads, then inserts, so two first visits at once
  // (two editors opening the page) both insert and one fails on the primary
  // key. ON CONFLICT DO NOTHING lets both succeed.
  await tx.$executeRaw`INSERT INTO "ClusterProfile" ("organizationId", "updatedAt") VALUES (${organizationId}, now()) ON CONFLICT ("organizationId") DO NOTHING`;
  return tx.clusterProfile.findUniqueOrThrow({ where: { organizationId } });
}

export function toPlainProfile(profile: ClusterProfile) {
  return { ...profile, managementFte: Number(profile.managementFte) };
}

/** What the editor shows: the profile with the organisation's name and country, and what the actor may do. */
export async function getProfileForEditing(input: { orgSlug: string }, ctx: { actor: Actor }) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "org:read" });
  const db = getDb();
  const profile = toPlainProfile(await ensureProfile(db, membership.organization.id));
  const updatedBy = profile.updatedById
    ? await db.user.findUnique({ where: { id: profile.updatedById }, select: { name: true } })
    : null;
  return {
    organization: membership.organization,
    profile,
    updatedByName: updatedBy?.name ?? null,
    checklist: evaluateChecklist(profile),
    canEdit: can(membership.role, "profile:edit"),
    canSubmit: can(membership.role, "profile:submit") && (profile.status === "DRAFT" || profile.status === "REJECTED"),
  };
}

/** Codes that are not (or no longer) in a taxonomy table. */
async function unknownCodes(tx: Prisma.TransactionClient, input: ProfileInput) {
  const [ecosystems, sectors, keywords] = await Promise.all([
    tx.ecosystem.findMany({ where: { code: { in: input.ecosystems }, isActive: true }, select: { code: true } }),
    tx.sector.findMany({ where: { code: { in: input.sectors }, isActive: true }, select: { code: true } }),
    tx.technologyKeyword.findMany({ where: { code: { in: input.keywords }, isActive: true }, select: { code: true } }),
  ]);
  const missing = (wanted: string[], found: { code: string }[]) => wanted.filter((c) => !found.some((f) => f.code === c));
  return {
    ecosystems: missing(input.ecosystems, ecosystems),
    sectors: missing(input.sectors, sectors),
    keywords: missing(input.keywords, keywords),
  };
}

const unique = <T,>(values: T[]) => [...new Set(values)];

/**
 * Saves the profile if nobody saved it since `input.version` was loaded;
 * otherwise throws ProfileConflictError and changes nothing. On a published
 * profile a new name or country waits for review (pendingName,
 * pendingCountry) while the old values stay public; everything else goes
 * live at once.
 */
export async function updateProfile(input: ProfileInput, ctx: Ctx): Promise<{ version: number; pendingReview: boolean }> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "profile:edit" });
  const org = membership.organization;
  return getDb().$transaction(async (tx) => {
    const current = await ensureProfile(tx, org.id);
    const unknown = await unknownCodes(tx, input);
    for (const [field, codes] of Object.entries(unknown)) {
      if (codes.length > 0) throw new DomainError("profiles.errors.unknownCode", { codes: codes.join(", ") }, field);
    }

    const nameChanged = input.name !== org.name;
    const countryChanged = input.country !== org.country;
    const isPublished = current.status === "APPROVED";
    const data = {
      acronym: input.acronym,
      region: input.region,
      city: input.city,
      latitude: input.latitude,
      longitude: input.longitude,
      yearFounded: input.yearFounded,
      website: input.website,
      contactName: input.contactName,
      contactRole: input.contactRole,
      contactEmail: input.contactEmail,
      descriptionEn: input.descriptionEn,
      descriptionRu: input.descriptionRu,
      offers: input.offers,
      seeks: input.seeks,
      ecosystems: unique(input.ecosystems),
      sectors: unique(input.sectors),
      keywords: unique(input.keywords),
      tags: unique(input.tags),
      membersSme: input.membersSme,
      membersLarge: input.membersLarge,
      membersResearch: input.membersResearch,
      membersUniversity: input.membersUniversity,
      membersPublic: input.membersPublic,
      membersOther: input.membersOther,
      managementFte: input.managementFte,
      label: input.label,
      targetCountries: unique(input.targetCountries),
      internationalisationLevel: input.internationalisationLevel,
      supportProgrammes: input.supportProgrammes,
      updatedById: ctx.actor.id,
      version: { increment: 1 },
      ...(isPublished
        ? {
            pendingName: nameChanged ? input.name : null,
            pendingCountry: countryChanged ? input.country : null,
          }
        : {}),
    } satisfies Prisma.ClusterProfileUpdateManyMutationInput;

    // The version in the WHERE makes check and write one statement: two
    // editors saving at once cannot both succeed.
    const saved = await tx.clusterProfile.updateMany({ where: { organizationId: org.id, version: input.version }, data });
    if (saved.count !== 1) {
      // Read again: `current` may predate the save that beat this one, and
      // the message must name whoever saved last.
      const latest = (await tx.clusterProfile.findUnique({ where: { organizationId: org.id } })) ?? current;
      const updatedBy = latest.updatedById
        ? await tx.user.findUnique({ where: { id: latest.updatedById }, select: { name: true } })
        : null;
      throw new ProfileConflictError({ updatedAt: latest.updatedAt, updatedByName: updatedBy?.name ?? null, version: latest.version });
    }
    if (!isPublished && (nameChanged || countryChanged)) {
      await tx.organization.update({ where: { id: org.id }, data: { name: input.name, country: input.country } });
    }
    await recordAuditEvent(tx, {
      organizationId: org.id,
      actor: ctx.actor,
      action: "profile.updated",
      target: { type: "organization", id: org.id, label: org.name },
      metadata: isPublished && (nameChanged || countryChanged) ? { pendingReview: true } : undefined,
      ip: ctx.ip,
    });
    // The row matched `version: input.version`, so that is what it was incremented from.
    return { version: input.version + 1, pendingReview: isPublished && (nameChanged || countryChanged) };
  });
}

/** The owner sends a draft (or a rejected profile) to the platform administrators. */
export async function submitProfile(input: { orgSlug: string }, ctx: Ctx): Promise<void> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "profile:submit" });
  const org = membership.organization;
  await getDb().$transaction(async (tx) => {
    const profile = await ensureProfile(tx, org.id);
    if (profile.status === "PENDING") throw new DomainError("profiles.errors.alreadySubmitted");
    if (profile.status === "APPROVED") throw new DomainError("profiles.errors.alreadyPublished");
    if (!profile.descriptionEn.trim() && !profile.descriptionRu.trim()) {
      throw new DomainError("profiles.errors.descriptionRequired");
    }
    if (profile.ecosystems.length === 0) throw new DomainError("profiles.errors.ecosystemRequired");
    await tx.clusterProfile.update({
      where: { organizationId: org.id },
      data: { status: "PENDING", submittedAt: new Date(), rejectionReason: null },
    });
    await recordAuditEvent(tx, {
      organizationId: org.id,
      actor: ctx.actor,
      action: "profile.submitted",
      target: { type: "organization", id: org.id, label: org.name },
      ip: ctx.ip,
    });
  });
}
