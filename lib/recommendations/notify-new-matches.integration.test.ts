/**
 * The weekly "new matches" job against a real PostgreSQL: one notification
 * per organisation with its count of good matches among recently published
 * organisations, at most once a week, never about the same organisation
 * twice, never for excluded ones, and exactly once when two instances run
 * it at the same moment.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db/generated/client";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { makeApprovedOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { notifyNewMatches, NEW_MATCHES_KIND } from "./notify-new-matches";
import { clearCorpusStats } from "./term-stats";

const db = testDb();
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-12-01T09:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const US_PROFILE: Partial<Prisma.ClusterProfileUncheckedCreateInput> = {
  ecosystems: ["health"],
  sectors: ["C", "M", "Q"],
  keywords: ["clinical-research", "drug-discovery"],
  offers: "A Nordic clinical-trial network of university hospitals, and regulatory advice.",
  seeks: "AI and machine-learning partners for drug discovery, and venture investment for biotech companies.",
  targetCountries: ["IN", "US"],
  membersSme: 200,
};
const MATCH: Partial<Prisma.ClusterProfileUncheckedCreateInput> = {
  ecosystems: ["health", "digital"],
  sectors: ["M", "J"],
  keywords: ["drug-discovery"],
  offers: "AI and machine-learning teams for drug discovery and medical imaging.",
  seeks: "Clinical-trial networks to validate our models.",
  targetCountries: ["DK"],
  membersSme: 150,
};
const UNRELATED: Partial<Prisma.ClusterProfileUncheckedCreateInput> = {
  ecosystems: ["tourism"],
  sectors: ["I"],
  offers: "Wine tourism experiences.",
  seeks: "Tour operators in Asia.",
  targetCountries: ["CN"],
};

let owner: TestUser;
let colleague: TestUser;
let us: { id: string; slug: string; name: string };

async function published(name: string, country: string, profile: Partial<Prisma.ClusterProfileUncheckedCreateInput>, publishedAt: Date) {
  const org = await makeApprovedOrg(await makeUser(), { name, country, profile });
  await db.clusterProfile.update({ where: { organizationId: org.id }, data: { publishedAt } });
  return org;
}

const ourNotices = () =>
  db.notification.findMany({ where: { organizationId: us.id, kind: NEW_MATCHES_KIND }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }] });

beforeEach(async () => {
  await resetDatabase();
  clearCorpusStats();
  owner = await makeUser();
  colleague = await makeUser();
  us = await makeApprovedOrg(owner, { name: "Øresund Test Cluster", country: "DK", profile: US_PROFILE });
  await db.clusterProfile.update({ where: { organizationId: us.id }, data: { publishedAt: at(-400) } });
  await db.membership.create({ data: { organizationId: us.id, userId: colleague.id, role: "MEMBER" } });
});

describe("notifyNewMatches", () => {
  it("tells every member how many good matches were published this week, once", async () => {
    await published("Deccan AI Health", "IN", MATCH, at(-2));
    await published("Carmel Digital Health", "IL", MATCH, at(-5));
    await published("Old Match", "US", MATCH, at(-30)); // published before the window
    await published("Danish Match", "DK", MATCH, at(-1)); // our own country
    await published("Chianti Wine", "IT", UNRELATED, at(-1)); // no match

    const result = await notifyNewMatches({ db, now: NOW, batchSize: 2 });
    expect(result.notified).toBeGreaterThanOrEqual(1);
    const notices = await ourNotices();
    // Every member reads recommendations: both get it.
    expect(notices.map((n) => n.userId).sort()).toEqual([owner.id, colleague.id].sort());
    for (const notice of notices) {
      expect(notice.data).toEqual({ path: `/o/${us.slug}/recommendations`, orgName: "Øresund Test Cluster", count: 2 });
      // "recommendations.new" goes to the weekly digest unless the user chose otherwise.
      expect(notice.inDigest).toBe(true);
      expect(notice.createdAt).toEqual(NOW);
    }

    // The next day: nothing again.
    await notifyNewMatches({ db, now: at(1) });
    expect(await ourNotices()).toHaveLength(2);
  });

  it("waits a week, then counts only what was published since the last notice", async () => {
    await published("Deccan AI Health", "IN", MATCH, at(-2));
    await notifyNewMatches({ db, now: NOW });
    expect(await ourNotices()).toHaveLength(2);

    await published("Kendall Match", "US", MATCH, at(2));
    await notifyNewMatches({ db, now: at(3) }); // less than a week after the first notice
    expect(await ourNotices()).toHaveLength(2);

    await notifyNewMatches({ db, now: at(8) });
    const notices = await ourNotices();
    expect(notices).toHaveLength(4);
    expect(notices.slice(2).map((n) => (n.data as { count: number }).count)).toEqual([1, 1]);
  });

  it("sends nothing when nothing new matches, and nothing about excluded organisations", async () => {
    await published("Chianti Wine", "IT", UNRELATED, at(-1));
    const dismissed = await published("Dismissed Match", "IN", MATCH, at(-1));
    const asked = await published("Asked Match", "US", MATCH, at(-1));
    const partner = await published("Partner Match", "IL", MATCH, at(-1));
    await db.recommendationDismissal.create({ data: { organizationId: us.id, dismissedId: dismissed.id } });
    await db.cooperationRequest.create({
      data: { senderId: us.id, receiverId: asked.id, kind: "JOINT_PROJECT", subject: "Trial", expiresAt: at(30) },
    });
    const [a, b] = us.id < partner.id ? [us.id, partner.id] : [partner.id, us.id];
    await db.partnership.create({ data: { organizationAId: a, organizationBId: b } });
    await notifyNewMatches({ db, now: NOW });
    expect(await ourNotices()).toEqual([]);
  });

  it("does nothing at all when nobody was published recently", async () => {
    expect(await notifyNewMatches({ db, now: NOW })).toEqual({ organizations: 0, notified: 0 });
  });

  it("notifies once when two instances run at the same moment", async () => {
    await published("Deccan AI Health", "IN", MATCH, at(-2));
    await Promise.all([notifyNewMatches({ db, now: NOW, batchSize: 1 }), notifyNewMatches({ db, now: NOW, batchSize: 1 })]);
    expect(await ourNotices()).toHaveLength(2); // one per member
  });
});
