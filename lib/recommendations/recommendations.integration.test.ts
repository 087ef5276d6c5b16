/**
 * Recommendations against a real PostgreSQL: who is suggested and who never
 * is (our own country unless asked, unpublished profiles, active partners,
 * dismissed organisations until undone, those that declined us in the last
 * 90 days, an open request either way), the order, the reasons, the
 * permissions, and hostile input.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db/generated/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { join, makeApprovedOrg, makeOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { dismissRecommendation, listDismissedRecommendations, undoDismissRecommendation } from "./dismiss-recommendation";
import { listRecommendations } from "./list-recommendations";
import { getRecommendationsPage } from "./recommendations-page";
import { ZDismissRecommendationSchema, parseRecommendationsSearchParams } from "./schemas";
import { clearCorpusStats } from "./term-stats";

const db = testDb();
const DAY = 24 * 60 * 60 * 1000;

type Org = Awaited<ReturnType<typeof makeOrg>>;
let owner: TestUser;
let us: Org;

const HEALTH_MATCH: Partial<Prisma.ClusterProfileUncheckedCreateInput> = {
  ecosystems: ["health", "digital"],
  sectors: ["M", "J"],
  keywords: ["artificial-intelligence", "drug-discovery"],
  offers: "AI and machine-learning teams for drug discovery and medical imaging.",
  seeks: "Clinical-trial networks to validate our models, and market entry in Nordic health systems.",
  targetCountries: ["DK"],
  membersSme: 150,
};

/** Another organisation with its own owner; the profile defaults to a strong match for us. */
async function other(name: string, country: string, profile: Partial<Prisma.ClusterProfileUncheckedCreateInput> = HEALTH_MATCH) {
  const user = await makeUser();
  return makeApprovedOrg(user, { name, country, profile });
}

const slugs = async (options: { includeOwnCountry?: boolean; user?: TestUser } = {}) =>
  (await listRecommendations({ orgSlug: us.slug, includeOwnCountry: options.includeOwnCountry }, (options.user ?? owner).ctx)).data.map(
    (d) => d.slug,
  );

async function request(
  sender: Org,
  receiver: Org,
  data: Partial<Prisma.CooperationRequestUncheckedCreateInput> = {},
) {
  return db.cooperationRequest.create({
    data: {
      senderId: sender.id,
      receiverId: receiver.id,
      kind: "JOINT_PROJECT",
      subject: "A joint project",
      expiresAt: new Date(Date.now() + 30 * DAY),
      ...data,
    },
  });
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => new Error("the call succeeded"),
    (error: unknown) => error,
  );
}

beforeEach(async () => {
  await resetDatabase();
  clearCorpusStats();
  owner = await makeUser();
  us = await makeApprovedOrg(owner, {
    name: "Øresund Test Cluster",
    country: "DK",
    profile: {
      ecosystems: ["health"],
      sectors: ["C", "M", "Q"],
      keywords: ["clinical-research", "drug-discovery"],
      offers: "A Nordic clinical-trial network of university hospitals, and regulatory advice for first-in-human studies.",
      seeks: "AI and machine-learning partners for drug discovery, and venture investment for biotech companies.",
      targetCountries: ["IN", "US"],
      membersSme: 200,
      label: "GOLD",
    },
  });
});

describe("who is suggested", () => {
  it("suggests a complementary foreign organisation first, with its reasons", async () => {
    const deccan = await other("Deccan AI Health", "IN");
    const partial = await other("Bavarian Health Network", "DE", {
      ecosystems: ["health"],
      offers: "Medical device testing.",
      seeks: "Distributors in Asia.",
      targetCountries: [],
    });
    const list = await listRecommendations({ orgSlug: us.slug }, owner.ctx);
    expect(list.isPublished).toBe(true);
    expect(list.canSend).toBe(true);
    expect(list.data.map((d) => d.slug)).toEqual([deccan.slug, partial.slug]);
    const [top, second] = list.data;
    expect(top!.score).toBeGreaterThan(second!.score);
    expect(top!.score).toBeLessThanOrEqual(100);
    expect(top).toMatchObject({ name: "Deccan AI Health", country: "IN", ecosystems: ["health", "digital"] });
    expect(top!.reasons).toEqual(
      expect.arrayContaining([
        { kind: "sharedEcosystems", codes: ["health"] },
        { kind: "theyTargetUs", country: "DK" },
        { kind: "weTargetThem", country: "IN" },
        { kind: "theySeekWeOffer", theirs: "Clinical-trial networks to validate our models", ours: "A Nordic clinical-trial network of university hospitals" },
        { kind: "theyOfferWeSeek", theirs: "AI and machine-learning teams for drug discovery and medical imaging", ours: "AI and machine-learning partners for drug discovery" },
      ]),
    );
    expect(top!.reasons[0]).toEqual({ kind: "sharedEcosystems", codes: ["health"] });
  });

  it("leaves out our own country by default and includes it on request", async () => {
    const danish = await other("Jutland Health", "DK");
    const indian = await other("Deccan AI Health", "IN");
    expect(await slugs()).toEqual([indian.slug]);
    expect((await slugs({ includeOwnCountry: true })).sort()).toEqual([danish.slug, indian.slug].sort());
    const page = await listRecommendations({ orgSlug: us.slug, includeOwnCountry: true }, owner.ctx);
    expect(page.includeOwnCountry).toBe(true);
  });

  it("never suggests ourselves or an unpublished profile", async () => {
    const pendingOwner = await makeUser();
    const pending = await makeOrg(pendingOwner, { name: "Pending Health", country: "IN" });
    await db.clusterProfile.create({ data: { ...HEALTH_MATCH, organizationId: pending.id, status: "PENDING" } as Prisma.ClusterProfileUncheckedCreateInput });
    const visible = await other("Deccan AI Health", "IN");
    expect(await slugs({ includeOwnCountry: true })).toEqual([visible.slug]);
  });

  it("leaves out active partners, but not ended partnerships", async () => {
    const partner = await other("Partner Health", "IN");
    const former = await other("Former Partner Health", "US");
    const pair = (a: Org, b: Org) => (a.id < b.id ? { organizationAId: a.id, organizationBId: b.id } : { organizationAId: b.id, organizationBId: a.id });
    await db.partnership.create({ data: { ...pair(us, partner), isActive: true } });
    await db.partnership.create({ data: { ...pair(us, former), isActive: false, endedAt: new Date() } });
    expect(await slugs()).toEqual([former.slug]);
  });

  it("leaves out organisations that declined our request in the last 90 days", async () => {
    const recent = await other("Recent Decliner", "IN");
    const longAgo = await other("Old Decliner", "US");
    const theirDecline = await other("They Were Declined", "IL");
    await request(us, recent, { status: "DECLINED", closedAt: new Date(Date.now() - 30 * DAY), respondedAt: new Date(Date.now() - 30 * DAY) });
    await request(us, longAgo, { status: "DECLINED", closedAt: new Date(Date.now() - 100 * DAY), respondedAt: new Date(Date.now() - 100 * DAY) });
    // We declined them: that does not hide them from us.
    await request(theirDecline, us, { status: "DECLINED", closedAt: new Date(), respondedAt: new Date() });
    expect((await slugs()).sort()).toEqual([longAgo.slug, theirDecline.slug].sort());
  });

  it("leaves out an organisation with an open request either way, and brings it back once the request is closed", async () => {
    const sentTo = await other("We Asked", "IN");
    const receivedFrom = await other("They Asked", "US");
    const withdrawn = await other("Withdrawn Ask", "IL");
    const open = await request(us, sentTo);
    await request(receivedFrom, us);
    await request(us, withdrawn, { status: "WITHDRAWN", closedAt: new Date() });
    expect(await slugs()).toEqual([withdrawn.slug]);
    await db.cooperationRequest.update({ where: { id: open.id }, data: { status: "ACCEPTED", respondedAt: new Date(), closedAt: new Date() } });
    expect((await slugs()).sort()).toEqual([sentTo.slug, withdrawn.slug].sort());
  });

  it("ranks a partner that answers its requests above an identical one that does not", async () => {
    const answers = await other("Answers Health", "IN");
    const silent = await other("Silent Health", "IN");
    const asker = await other("Asker", "FR", { ecosystems: ["tourism"] });
    const old = new Date(Date.now() - 40 * DAY);
    for (let i = 0; i < 5; i++) {
      await request(asker, answers, { status: "ACCEPTED", createdAt: old, respondedAt: old, closedAt: old, kind: (["JOINT_PROJECT", "EVENT", "INVESTMENT", "OTHER", "SUPPLY_CHAIN"] as const)[i] });
      await request(asker, silent, { status: "EXPIRED", createdAt: old, closedAt: old, kind: (["JOINT_PROJECT", "EVENT", "INVESTMENT", "OTHER", "SUPPLY_CHAIN"] as const)[i] });
    }
    const list = await listRecommendations({ orgSlug: us.slug }, owner.ctx);
    const names = list.data.map((d) => d.name);
    expect(names.indexOf("Answers Health")).toBeLessThan(names.indexOf("Silent Health"));
    expect(list.data.find((d) => d.slug === answers.slug)!.reasons).toContainEqual({ kind: "responsive", answered: 5, received: 5 });
    expect(list.data.find((d) => d.slug === silent.slug)!.reasons.map((r) => r.kind)).not.toContain("responsive");
  });

  it("does not count a request sent yesterday against the receiver", async () => {
    const fresh = await other("Fresh Inbox", "IN");
    const twin = await other("Twin Inbox", "IN");
    const asker = await other("Asker", "FR", { ecosystems: ["tourism"] });
    await request(asker, fresh, { createdAt: new Date(Date.now() - DAY) });
    const list = await listRecommendations({ orgSlug: us.slug }, owner.ctx);
    // An open request between two others changes nothing for us: both are suggested, with the same score.
    const scores = Object.fromEntries(list.data.map((d) => [d.slug, d.score]));
    expect(scores[fresh.slug]).toBe(scores[twin.slug]);
  });

  it("answers an organisation whose profile is not published with nothing, and says why", async () => {
    const draftOwner = await makeUser();
    const draft = await makeOrg(draftOwner, { country: "SE" });
    await other("Deccan AI Health", "IN");
    const list = await listRecommendations({ orgSlug: draft.slug }, draftOwner.ctx);
    expect(list).toMatchObject({ isPublished: false, data: [] });
  });

  it("honours the limit", async () => {
    for (const country of ["IN", "US", "IL", "JP"]) await other(`Match ${country}`, country);
    expect((await listRecommendations({ orgSlug: us.slug, limit: 2 }, owner.ctx)).data).toHaveLength(2);
    expect((await listRecommendations({ orgSlug: us.slug, limit: -5 }, owner.ctx)).data).toHaveLength(1);
    expect((await listRecommendations({ orgSlug: us.slug, limit: Number.NaN }, owner.ctx)).data).toHaveLength(4);
  });
});

describe("dismissing", () => {
  it("hides a dismissed suggestion until it is undone, and lists it meanwhile", async () => {
    const deccan = await other("Deccan AI Health", "IN");
    const kendall = await other("Kendall Bridge", "US");
    expect((await slugs()).sort()).toEqual([deccan.slug, kendall.slug].sort());

    expect(await dismissRecommendation({ orgSlug: us.slug, targetSlug: deccan.slug }, owner.ctx)).toEqual({ slug: deccan.slug, name: "Deccan AI Health" });
    // Twice is harmless.
    await dismissRecommendation({ orgSlug: us.slug, targetSlug: deccan.slug }, owner.ctx);
    expect(await slugs()).toEqual([kendall.slug]);
    const row = await db.recommendationDismissal.findUniqueOrThrow({ where: { organizationId_dismissedId: { organizationId: us.id, dismissedId: deccan.id } } });
    expect(row.dismissedById).toBe(owner.id);
    const dismissed = await listDismissedRecommendations({ orgSlug: us.slug }, owner.ctx);
    expect(dismissed).toMatchObject({ total: 1, page: 1, totalPages: 1, data: [{ slug: deccan.slug, name: "Deccan AI Health", country: "IN" }] });

    await undoDismissRecommendation({ orgSlug: us.slug, targetSlug: deccan.slug }, owner.ctx);
    expect((await slugs()).sort()).toEqual([deccan.slug, kendall.slug].sort());
    expect((await listDismissedRecommendations({ orgSlug: us.slug }, owner.ctx)).total).toBe(0);
    // Nothing left to undo.
    expect(await failure(undoDismissRecommendation({ orgSlug: us.slug, targetSlug: deccan.slug }, owner.ctx))).toBeInstanceOf(NotFoundError);
  });

  it("is for editors and above; every member reads", async () => {
    const deccan = await other("Deccan AI Health", "IN");
    const member = await makeUser();
    const editor = await makeUser();
    await join(us, member, "MEMBER");
    await join(us, editor, "EDITOR");
    const asMember = await listRecommendations({ orgSlug: us.slug }, member.ctx);
    expect(asMember).toMatchObject({ canSend: false, data: [{ slug: deccan.slug }] });
    expect(await failure(dismissRecommendation({ orgSlug: us.slug, targetSlug: deccan.slug }, member.ctx))).toBeInstanceOf(ForbiddenError);
    expect(await db.recommendationDismissal.count()).toBe(0);
    await dismissRecommendation({ orgSlug: us.slug, targetSlug: deccan.slug }, editor.ctx);
    expect(await failure(undoDismissRecommendation({ orgSlug: us.slug, targetSlug: deccan.slug }, member.ctx))).toBeInstanceOf(ForbiddenError);
    expect(await db.recommendationDismissal.count()).toBe(1);
    expect((await listDismissedRecommendations({ orgSlug: us.slug }, member.ctx)).total).toBe(1);
  });

  it("refuses ourselves, unpublished and unknown organisations and hostile slugs, changing nothing", async () => {
    const pendingOwner = await makeUser();
    const pending = await makeOrg(pendingOwner, { country: "IN" });
    await db.clusterProfile.create({ data: { organizationId: pending.id, status: "PENDING" } });
    for (const targetSlug of [us.slug, pending.slug, "no-such-cluster", "x".repeat(10_000), "a'; DROP TABLE x; --", "\u0000"]) {
      expect(await failure(dismissRecommendation({ orgSlug: us.slug, targetSlug }, owner.ctx)), targetSlug.slice(0, 20)).toBeInstanceOf(NotFoundError);
      expect(await failure(undoDismissRecommendation({ orgSlug: us.slug, targetSlug }, owner.ctx)), targetSlug.slice(0, 20)).toBeInstanceOf(NotFoundError);
    }
    expect(await db.recommendationDismissal.count()).toBe(0);
    // The action's schema refuses what is not a string or too long before any of this runs.
    expect(ZDismissRecommendationSchema.safeParse({ orgSlug: us.slug, targetSlug: 42 }).success).toBe(false);
    expect(ZDismissRecommendationSchema.safeParse({ orgSlug: us.slug, targetSlug: "x".repeat(101) }).success).toBe(false);
  });

  it("pages the dismissed list without failing on nonsense numbers", async () => {
    for (const country of ["IN", "US", "IL"]) {
      const org = await other(`Match ${country}`, country);
      await dismissRecommendation({ orgSlug: us.slug, targetSlug: org.slug }, owner.ctx);
    }
    const page = await listDismissedRecommendations({ orgSlug: us.slug, page: 2, perPage: 2 }, owner.ctx);
    expect(page).toMatchObject({ total: 3, page: 2, perPage: 2, totalPages: 2 });
    expect(page.data).toHaveLength(1);
    const odd = await listDismissedRecommendations({ orgSlug: us.slug, page: Number.NaN, perPage: -1 }, owner.ctx);
    expect(odd).toMatchObject({ page: 1, perPage: 1, total: 3 });
  });
});

describe("the page's data", () => {
  it("labels ecosystems and countries in the reader's language and reads the switch from the URL", async () => {
    await db.ecosystem.create({ data: { code: "health", labelEn: "Health", labelRu: "Здравоохранение" } });
    await other("Deccan AI Health", "IN");
    const ru = await getRecommendationsPage({ orgSlug: us.slug, includeOwnCountry: false, locale: "ru" }, owner.ctx);
    expect(ru.labels.ecosystems.health).toBe("Здравоохранение");
    expect(ru.labels.countries).toMatchObject({ DK: "Дания", IN: "Индия" });
    expect(ru.dismissed).toEqual([]);
    expect(parseRecommendationsSearchParams({ own: "1" })).toEqual({ includeOwnCountry: true });
    expect(parseRecommendationsSearchParams({ own: ["1", "0"] })).toEqual({ includeOwnCountry: true });
    expect(parseRecommendationsSearchParams({ own: "yes please" })).toEqual({ includeOwnCountry: false });
    expect(parseRecommendationsSearchParams({})).toEqual({ includeOwnCountry: false });
  });
});
