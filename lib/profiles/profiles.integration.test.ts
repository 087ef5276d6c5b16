/**
 * Cluster profiles against a real PostgreSQL: saving with optimistic
 * concurrency, permissions and tenancy, the review gate for a published
 * profile's name and country, submitting for review, and what the public
 * sees.
 */
import { beforeEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import type { Role } from "@/lib/auth/permissions";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { seedTaxonomies } from "@/prisma/seed";
import { getProfileEditorPage } from "./editor-page";
import { uploadLogo } from "./logo";
import { getProfileForEditing, ProfileConflictError, submitProfile, updateProfile } from "./profiles";
import { getPublicProfile } from "./public-profile";
import { getPublicProfilePage } from "./public-profile-page";
import { ZProfileSchema, type TProfileSchema } from "./schemas";

const IP = "203.0.113.9";
const db = testDb();
let seq = 0;

async function makeUser(name: string) {
  seq += 1;
  const user = await db.user.create({
    data: { email: `user-${seq}@example.org`, name, passwordHash: "x", emailVerifiedAt: new Date() },
  });
  return { ...user, ctx: { actor: { id: user.id, email: user.email }, ip: IP } };
}
type TestUser = Awaited<ReturnType<typeof makeUser>>;

async function makeOrg(owner: TestUser, options: { slug?: string; name?: string; country?: string } = {}) {
  seq += 1;
  return db.organization.create({
    data: {
      slug: options.slug ?? `cluster-${seq}`,
      name: options.name ?? `Cluster ${seq}`,
      country: options.country ?? "DK",
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
}

async function join(org: { id: string }, user: TestUser, role: Role) {
  await db.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
}

/** A complete profile as the editor sends it, parsed by the action's schema. */
function profileInput(org: { slug: string; name: string; country: string }, version: number, change: Partial<TProfileSchema> = {}) {
  return ZProfileSchema.parse({
    orgSlug: org.slug,
    version,
    name: org.name,
    country: org.country,
    acronym: "MVA",
    region: "Capital Region",
    city: "Copenhagen",
    latitude: "55.6761",
    longitude: "12.5683",
    yearFounded: "1997",
    website: "https://mva.example",
    contactName: "Anna Lindqvist",
    contactRole: "Head of international relations",
    contactEmail: "anna@mva.example",
    descriptionEn: "A life science cluster in the Øresund region.",
    descriptionRu: "Кластер наук о жизни в регионе Эресунн.",
    offers: "Test beds and clinical trial support",
    seeks: "Partners for Horizon Europe calls",
    ecosystems: ["health", "digital"],
    sectors: ["C", "M"],
    keywords: ["biotechnology", "medical-devices"],
    tags: ["organoids", "Organoids", "life science"],
    membersSme: "250",
    membersLarge: "20",
    membersResearch: "8",
    membersUniversity: "5",
    membersPublic: "3",
    membersOther: "1",
    managementFte: "4.5",
    label: "GOLD",
    targetCountries: ["SE", "US", "SE"],
    internationalisationLevel: "3",
    supportProgrammes: "Danish national cluster programme",
    ...change,
  });
}

async function profileRow(organizationId: string) {
  return db.clusterProfile.findUnique({ where: { organizationId } });
}

async function snapshot(organizationId: string) {
  const [org, profile, audit, files] = await Promise.all([
    db.organization.findUnique({ where: { id: organizationId } }),
    profileRow(organizationId),
    db.auditEvent.count({ where: { organizationId } }),
    db.storedFile.count(),
  ]);
  return { org, profile, audit, files };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

let owner: TestUser;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeEach(async () => {
  await resetDatabase();
  await seedTaxonomies(db);
  owner = await makeUser("Olga Owner");
  org = await makeOrg(owner, { slug: "medicon", name: "Medicon Valley Alliance", country: "DK" });
});

describe("getProfileForEditing", () => {
  it("creates the draft profile the first time and tells the owner what they may do", async () => {
    expect(await profileRow(org.id)).toBeNull();
    const result = await getProfileForEditing({ orgSlug: org.slug }, owner.ctx);
    expect(result.profile).toMatchObject({ status: "DRAFT", version: 1, descriptionEn: "", managementFte: 0 });
    expect(result).toMatchObject({ canEdit: true, canSubmit: true });
    expect(result.checklist.meetsCriteria).toBe(false);
    expect(await profileRow(org.id)).not.toBeNull();
  });

  it.each([
    ["ADMIN", true, false],
    ["EDITOR", true, false],
    ["MEMBER", false, false],
  ] as const)("a %s may edit: %s, submit: %s", async (role, canEdit, canSubmit) => {
    const user = await makeUser(role);
    await join(org, user, role);
    expect(await getProfileForEditing({ orgSlug: org.slug }, user.ctx)).toMatchObject({ canEdit, canSubmit });
  });

  it("labels the editor's choices in the viewer's language", async () => {
    const page = await getProfileEditorPage({ orgSlug: org.slug, locale: "ru" }, owner.ctx);
    expect(page.taxonomies.ecosystem).toHaveLength(14);
    expect(page.taxonomies.ecosystem.find((o) => o.code === "health")?.label).toBe("Здравоохранение");
    expect(page.countries.find((c) => c.code === "DK")?.name).toMatch(/Дани/);
  });
});

describe("updateProfile", () => {
  it("saves every field, bumps the version and records who saved", async () => {
    const result = await updateProfile(profileInput(org, 1), owner.ctx);
    expect(result).toEqual({ version: 2, pendingReview: false });
    const row = await profileRow(org.id);
    expect(row).toMatchObject({
      version: 2,
      status: "DRAFT",
      acronym: "MVA",
      region: "Capital Region",
      city: "Copenhagen",
      latitude: 55.6761,
      longitude: 12.5683,
      yearFounded: 1997,
      website: "https://mva.example",
      contactName: "Anna Lindqvist",
      contactRole: "Head of international relations",
      contactEmail: "anna@mva.example",
      descriptionEn: "A life science cluster in the Øresund region.",
      descriptionRu: "Кластер наук о жизни в регионе Эресунн.",
      offers: "Test beds and clinical trial support",
      seeks: "Partners for Horizon Europe calls",
      ecosystems: ["health", "digital"],
      sectors: ["C", "M"],
      keywords: ["biotechnology", "medical-devices"],
      tags: ["organoids", "life science"],
      membersSme: 250,
      membersLarge: 20,
      membersResearch: 8,
      membersUniversity: 5,
      membersPublic: 3,
      membersOther: 1,
      label: "GOLD",
      targetCountries: ["SE", "US"],
      internationalisationLevel: 3,
      supportProgrammes: "Danish national cluster programme",
      updatedById: owner.id,
      pendingName: null,
      pendingCountry: null,
    });
    expect(Number(row!.managementFte)).toBe(4.5);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "profile.updated" } });
    expect(audit.actorId).toBe(owner.id);
  });

  it("clears optional fields that were emptied", async () => {
    await updateProfile(profileInput(org, 1), owner.ctx);
    await updateProfile(
      profileInput(org, 2, { acronym: "", latitude: "", longitude: "", website: "", contactEmail: "", yearFounded: "", internationalisationLevel: "", tags: [] }),
      owner.ctx,
    );
    expect(await profileRow(org.id)).toMatchObject({
      version: 3,
      acronym: null,
      latitude: null,
      longitude: null,
      website: null,
      contactEmail: null,
      yearFounded: null,
      internationalisationLevel: null,
      tags: [],
    });
  });

  it("refuses a save from a stale version, names who saved in between, and changes nothing", async () => {
    const first = await makeUser("Erik Editor");
    const second = await makeUser("Sofia Second");
    await join(org, first, "EDITOR");
    await join(org, second, "EDITOR");
    // Both opened the editor at version 1; the first saves.
    await updateProfile(profileInput(org, 1, { offers: "First editor's offer" }), first.ctx);
    const before = await snapshot(org.id);

    const error = await rejection(updateProfile(profileInput(org, 1, { offers: "Second editor's offer" }), second.ctx));
    expect(error).toBeInstanceOf(ProfileConflictError);
    const conflict = error as ProfileConflictError;
    expect(conflict.messageKey).toBe("profiles.errors.conflict");
    expect(conflict.values.name).toBe("Erik Editor");
    expect(conflict.field).toBe("version");
    expect(conflict.current.version).toBe(2);
    expect(await snapshot(org.id)).toEqual(before);
    expect((await profileRow(org.id))!.offers).toBe("First editor's offer");

    // After loading the new version, the second editor can save.
    await expect(updateProfile(profileInput(org, 2, { offers: "Second editor's offer" }), second.ctx)).resolves.toEqual({ version: 3, pendingReview: false });
  });

  it("lets only one of two simultaneous saves of the same version through", async () => {
    const results = await Promise.allSettled([
      updateProfile(profileInput(org, 1, { offers: "A" }), owner.ctx),
      updateProfile(profileInput(org, 1, { offers: "B" }), owner.ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ProfileConflictError);
    expect((await profileRow(org.id))!.version).toBe(2);
  });

  it("refuses a MEMBER with ForbiddenError and changes nothing", async () => {
    const member = await makeUser("Mia Member");
    await join(org, member, "MEMBER");
    await getProfileForEditing({ orgSlug: org.slug }, owner.ctx);
    const before = await snapshot(org.id);
    await expect(updateProfile(profileInput(org, 1, { name: "Renamed by a member" }), member.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(org.id)).toEqual(before);
  });

  it.each<[string, Partial<TProfileSchema>]>([
    ["ecosystems", { ecosystems: ["health", "space-mining"] }],
    ["sectors", { sectors: ["Z"] }],
    ["keywords", { keywords: ["telepathy"] }],
  ])("refuses an unknown %s code as a field error, changing nothing", async (field, change) => {
    await getProfileForEditing({ orgSlug: org.slug }, owner.ctx);
    const before = await snapshot(org.id);
    const error = await rejection(updateProfile(profileInput(org, 1, change), owner.ctx));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ messageKey: "profiles.errors.unknownCode", field });
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("refuses a code an administrator retired", async () => {
    await db.ecosystem.update({ where: { code: "retail" }, data: { isActive: false } });
    await expect(updateProfile(profileInput(org, 1, { ecosystems: ["retail"] }), owner.ctx)).rejects.toMatchObject({
      messageKey: "profiles.errors.unknownCode",
      field: "ecosystems",
    });
  });

  it("renames a draft organisation at once", async () => {
    await updateProfile(profileInput(org, 1, { name: "Medicon Valley", country: "SE" }), owner.ctx);
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: "Medicon Valley", country: "SE" });
    expect(await profileRow(org.id)).toMatchObject({ pendingName: null, pendingCountry: null });
  });

  describe("on a published profile", () => {
    beforeEach(async () => {
      await updateProfile(profileInput(org, 1), owner.ctx);
      await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "APPROVED", publishedAt: new Date() } });
    });

    it("keeps a new name and country for review while the old ones stay public; other changes go live at once", async () => {
      const result = await updateProfile(profileInput(org, 2, { name: "MVA Life Science", country: "SE", offers: "New offer" }), owner.ctx);
      expect(result).toEqual({ version: 3, pendingReview: true });
      expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: "Medicon Valley Alliance", country: "DK" });
      expect(await profileRow(org.id)).toMatchObject({ status: "APPROVED", pendingName: "MVA Life Science", pendingCountry: "SE", offers: "New offer" });

      const publicProfile = await getPublicProfile(org.slug);
      expect(publicProfile).toMatchObject({ name: "Medicon Valley Alliance", country: "DK" });
      expect(publicProfile!.profile.offers).toBe("New offer");

      const editor = await getProfileForEditing({ orgSlug: org.slug }, owner.ctx);
      expect(editor.profile).toMatchObject({ pendingName: "MVA Life Science", pendingCountry: "SE" });
    });

    it("withdraws the pending change when the editor puts the old name back", async () => {
      await updateProfile(profileInput(org, 2, { name: "MVA Life Science" }), owner.ctx);
      const result = await updateProfile(profileInput(org, 3), owner.ctx);
      expect(result.pendingReview).toBe(false);
      expect(await profileRow(org.id)).toMatchObject({ pendingName: null, pendingCountry: null });
    });
  });
});

describe("submitProfile", () => {
  it("needs a description and an ecosystem", async () => {
    await getProfileForEditing({ orgSlug: org.slug }, owner.ctx);
    await expect(submitProfile({ orgSlug: org.slug }, owner.ctx)).rejects.toMatchObject({ messageKey: "profiles.errors.descriptionRequired" });
    await updateProfile(profileInput(org, 1, { descriptionEn: "", descriptionRu: "Только по-русски.", ecosystems: [] }), owner.ctx);
    await expect(submitProfile({ orgSlug: org.slug }, owner.ctx)).rejects.toMatchObject({ messageKey: "profiles.errors.ecosystemRequired" });
    expect((await profileRow(org.id))!.status).toBe("DRAFT");
  });

  it("is for owners only", async () => {
    await updateProfile(profileInput(org, 1), owner.ctx);
    for (const role of ["ADMIN", "EDITOR", "MEMBER"] as const) {
      const user = await makeUser(role);
      await join(org, user, role);
      await expect(submitProfile({ orgSlug: org.slug }, user.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await profileRow(org.id))!.status).toBe("DRAFT");
  });

  it("puts the profile in the review queue once, and a rejected one can be fixed and resubmitted", async () => {
    await updateProfile(profileInput(org, 1), owner.ctx);
    await submitProfile({ orgSlug: org.slug }, owner.ctx);
    const pending = await profileRow(org.id);
    expect(pending).toMatchObject({ status: "PENDING" });
    expect(pending!.submittedAt).toBeInstanceOf(Date);
    await expect(submitProfile({ orgSlug: org.slug }, owner.ctx)).rejects.toMatchObject({ messageKey: "profiles.errors.alreadySubmitted" });
    expect((await getProfileForEditing({ orgSlug: org.slug }, owner.ctx)).canSubmit).toBe(false);

    await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "REJECTED", rejectionReason: "Add your members." } });
    const rejected = await getProfileForEditing({ orgSlug: org.slug }, owner.ctx);
    expect(rejected).toMatchObject({ canSubmit: true, profile: { status: "REJECTED", rejectionReason: "Add your members." } });
    await updateProfile(profileInput(org, rejected.profile.version, { membersOther: "30" }), owner.ctx);
    await submitProfile({ orgSlug: org.slug }, owner.ctx);
    expect(await profileRow(org.id)).toMatchObject({ status: "PENDING", rejectionReason: null, membersOther: 30 });
  });

  it("refuses to resubmit a published profile", async () => {
    await updateProfile(profileInput(org, 1), owner.ctx);
    await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "APPROVED" } });
    await expect(submitProfile({ orgSlug: org.slug }, owner.ctx)).rejects.toMatchObject({ messageKey: "profiles.errors.alreadyPublished" });
  });
});

describe("cross-tenant", () => {
  it("an editor (and owner) of another organisation gets NotFoundError from every profile function, and nothing changes", async () => {
    await updateProfile(profileInput(org, 1), owner.ctx);
    const intruder = await makeUser("Ivan Intruder");
    const other = await makeOrg(intruder, { slug: "other-cluster" });
    const editorOfOther = await makeUser("Edna Editor");
    await join(other, editorOfOther, "EDITOR");
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "red" } }).png().toBuffer();
    const before = await snapshot(org.id);

    for (const actor of [intruder, editorOfOther]) {
      const calls: [string, () => Promise<unknown>][] = [
        ["getProfileForEditing", () => getProfileForEditing({ orgSlug: org.slug }, actor.ctx)],
        ["getProfileEditorPage", () => getProfileEditorPage({ orgSlug: org.slug, locale: "en" }, actor.ctx)],
        ["updateProfile", () => updateProfile(profileInput(org, 2, { name: "Hijacked", descriptionEn: "Defaced" }), actor.ctx)],
        ["submitProfile", () => submitProfile({ orgSlug: org.slug }, actor.ctx)],
        ["uploadLogo", () => uploadLogo({ orgSlug: org.slug, bytes: new Uint8Array(png) }, actor.ctx)],
      ];
      for (const [name, call] of calls) {
        const error = await rejection(call());
        expect(error, name).toBeInstanceOf(NotFoundError);
      }
    }
    expect(await snapshot(org.id)).toEqual(before);
  });
});

describe("public profile", () => {
  it("is null for a draft, a pending profile and an unknown slug; shown once approved", async () => {
    await updateProfile(profileInput(org, 1), owner.ctx);
    expect(await getPublicProfile(org.slug)).toBeNull();
    await submitProfile({ orgSlug: org.slug }, owner.ctx);
    expect(await getPublicProfile(org.slug)).toBeNull();
    expect(await getPublicProfile("no-such-cluster")).toBeNull();
    expect(await getPublicProfile("x".repeat(500))).toBeNull();
    await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "APPROVED" } });
    expect(await getPublicProfile(org.slug)).toMatchObject({ name: "Medicon Valley Alliance", slug: "medicon" });
  });

  it("labels codes in the viewer's language and falls back to the other description", async () => {
    await updateProfile(profileInput(org, 1, { descriptionRu: "" }), owner.ctx);
    await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "APPROVED" } });
    const ru = await getPublicProfilePage(org.slug, "ru");
    expect(ru!.ecosystems.map((o) => o.label)).toEqual(["Здравоохранение", "Цифровые технологии"]);
    expect(ru!.description).toEqual({ text: "A life science cluster in the Øresund region.", language: "en", isFallback: true });
    expect(ru!.jsonLd).toMatchObject({ "@type": "Organization", name: "Medicon Valley Alliance", alternateName: "MVA", foundingDate: "1997" });
    const en = await getPublicProfilePage(org.slug, "en");
    expect(en!.description.isFallback).toBe(false);
    expect(en!.summary.length).toBeLessThanOrEqual(160);
  });
});
