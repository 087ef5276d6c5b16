import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { DomainError, NotFoundError } from "@/lib/errors/domain-error";
import { listReviewQueue, reviewProfile } from "./review";
import { getPublicProfile } from "./public-profile";

const ip = "203.0.113.7";

async function setup(status: "PENDING" | "APPROVED" | "DRAFT", extra: Record<string, unknown> = {}) {
  const db = testDb();
  const admin = await db.user.create({ data: { email: "admin@example.org", name: "Admin", passwordHash: "x", isPlatformAdmin: true } });
  const owner = await db.user.create({ data: { email: "owner@example.org", name: "Owner", passwordHash: "x", locale: "ru" } });
  const member = await db.user.create({ data: { email: "member@example.org", name: "Member", passwordHash: "x" } });
  const org = await db.organization.create({
    data: {
      name: "Nordic Health Cluster",
      slug: "nordic-health",
      country: "DK",
      memberships: { create: [{ userId: owner.id, role: "OWNER" }, { userId: member.id, role: "MEMBER" }] },
      profile: { create: { status, descriptionEn: "Health", ecosystems: ["health"], submittedAt: new Date(), ...extra } },
    },
  });
  return { admin: { id: admin.id, email: admin.email, isPlatformAdmin: true }, owner, member, org };
}

describe("verification queue", () => {
  beforeEach(() => resetDatabase());

  it("is for platform administrators only, and a refusal changes nothing", async () => {
    const { owner, org } = await setup("PENDING");
    const notAdmin = { id: owner.id, email: owner.email, isPlatformAdmin: false };
    await expect(listReviewQueue({ actor: notAdmin })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewProfile({ organizationId: org.id, decision: "approve", reason: "" }, { actor: notAdmin, ip })).rejects.toBeInstanceOf(NotFoundError);
    expect((await testDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).status).toBe("PENDING");
  });

  it("lists submitted profiles with the checklist, not drafts", async () => {
    const { admin } = await setup("PENDING");
    const queue = await listReviewQueue({ actor: admin });
    expect(queue).toHaveLength(1);
    expect(queue[0]!.kind).toBe("newProfile");
    expect(queue[0]!.checklist.meetsCriteria).toBe(false);
    await resetDatabase();
    const draft = await setup("DRAFT");
    expect(await listReviewQueue({ actor: draft.admin })).toHaveLength(0);
  });

  it("approving publishes the profile, notifies the editors in the app and by e-mail in their language, and audits", async () => {
    const { admin, owner, member, org } = await setup("PENDING");
    expect(await getPublicProfile("nordic-health")).toBeNull();
    await reviewProfile({ organizationId: org.id, decision: "approve", reason: "" }, { actor: admin, ip });

    const db = testDb();
    const profile = await db.clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(profile.status).toBe("APPROVED");
    expect(profile.publishedAt).not.toBeNull();
    expect((await getPublicProfile("nordic-health"))?.name).toBe("Nordic Health Cluster");
    // The owner (may edit) is told; a plain member is not.
    expect(await db.notification.count({ where: { userId: owner.id, kind: "profile.approved" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: member.id } })).toBe(0);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toEmail: owner.email } });
    expect(mail.kind).toBe("profile.approved");
    expect(mail.subject).toContain("Nordic Health Cluster");
    expect(mail.text).toMatch(/[а-я]/); // the owner reads Russian
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "profile.approved", ip } })).toBe(1);
  });

  it("rejecting needs a reason, which the organisation receives; the profile can then be resubmitted", async () => {
    const { admin, owner, org } = await setup("PENDING");
    await expect(reviewProfile({ organizationId: org.id, decision: "reject", reason: " " }, { actor: admin, ip })).rejects.toBeInstanceOf(DomainError);
    expect((await testDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } })).status).toBe("PENDING");

    await reviewProfile({ organizationId: org.id, decision: "reject", reason: "Please add your website and member counts." }, { actor: admin, ip });
    const profile = await testDb().clusterProfile.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(profile.status).toBe("REJECTED");
    expect(profile.rejectionReason).toBe("Please add your website and member counts.");
    const mail = await testDb().outboxEmail.findFirstOrThrow({ where: { toEmail: owner.email } });
    expect(mail.text).toContain("Please add your website and member counts.");
    // Not in the queue any more: deciding again is refused.
    await expect(reviewProfile({ organizationId: org.id, decision: "approve", reason: "" }, { actor: admin, ip })).rejects.toBeInstanceOf(DomainError);
  });

  it("goes through the editors' notification settings: with profile e-mails off, only the in-app notice", async () => {
    const { admin, owner, org } = await setup("PENDING");
    await testDb().notificationPreference.create({ data: { userId: owner.id, kind: "profile.approved", delivery: "OFF" } });
    await reviewProfile({ organizationId: org.id, decision: "approve", reason: "" }, { actor: admin, ip });
    expect(await testDb().notification.count({ where: { userId: owner.id, kind: "profile.approved" } })).toBe(1);
    expect(await testDb().outboxEmail.count({ where: { toEmail: owner.email } })).toBe(0);
  });

  it("a name or country change of a published profile is applied on approval, and dropped on rejection", async () => {
    const { admin, org } = await setup("APPROVED", { pendingName: "Nordic Life Science Cluster", pendingCountry: "SE", publishedAt: new Date() });
    const queue = await listReviewQueue({ actor: admin });
    expect(queue[0]!.kind).toBe("nameOrCountryChange");
    // The old values stay public meanwhile.
    expect((await getPublicProfile("nordic-health"))?.name).toBe("Nordic Health Cluster");

    await reviewProfile({ organizationId: org.id, decision: "approve", reason: "" }, { actor: admin, ip });
    const after = await testDb().organization.findUniqueOrThrow({ where: { id: org.id }, include: { profile: true } });
    expect(after.name).toBe("Nordic Life Science Cluster");
    expect(after.country).toBe("SE");
    expect(after.profile?.pendingName).toBeNull();
    // Told under the new name.
    const mail = await testDb().outboxEmail.findFirstOrThrow({ where: { kind: "profile.approved" } });
    expect(mail.subject).toContain("Nordic Life Science Cluster");

    await testDb().clusterProfile.update({ where: { organizationId: org.id }, data: { pendingName: "Something Else" } });
    await reviewProfile({ organizationId: org.id, decision: "reject", reason: "The new name is not your legal name." }, { actor: admin, ip });
    const rejected = await testDb().organization.findUniqueOrThrow({ where: { id: org.id }, include: { profile: true } });
    expect(rejected.name).toBe("Nordic Life Science Cluster");
    expect(rejected.profile?.status).toBe("APPROVED");
    expect(rejected.profile?.pendingName).toBeNull();
  });
});
