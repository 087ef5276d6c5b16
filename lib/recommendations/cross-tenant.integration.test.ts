/**
 * Recommendations belong to one organisation. A (Denmark) has dismissed B
 * (India); C is a third organisation. Mallory, a member of C only, and a
 * user with no organisation at all call every exported organisation-scoped
 * function with A's slug (and B's as the target): every call answers "not
 * found", exactly as for a slug that does not exist, and A's rows stay as
 * they were.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { makeApprovedOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import * as dismissModule from "./dismiss-recommendation";
import * as listModule from "./list-recommendations";
import * as pageModule from "./recommendations-page";

const db = testDb();
let alice: TestUser;
let mallory: TestUser;
let stranger: TestUser;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let orgC: { id: string; slug: string };

type Case = { name: string; run: (user: TestUser) => Promise<unknown> };

const cases: Case[] = [
  { name: "listRecommendations", run: (user) => listModule.listRecommendations({ orgSlug: orgA.slug }, user.ctx) },
  { name: "listDismissedRecommendations", run: (user) => dismissModule.listDismissedRecommendations({ orgSlug: orgA.slug }, user.ctx) },
  { name: "dismissRecommendation", run: (user) => dismissModule.dismissRecommendation({ orgSlug: orgA.slug, targetSlug: orgC.slug }, user.ctx) },
  { name: "undoDismissRecommendation", run: (user) => dismissModule.undoDismissRecommendation({ orgSlug: orgA.slug, targetSlug: orgB.slug }, user.ctx) },
  {
    name: "getRecommendationsPage",
    run: (user) => pageModule.getRecommendationsPage({ orgSlug: orgA.slug, includeOwnCountry: true, locale: "en" }, user.ctx),
  },
];

async function aRows() {
  return db.recommendationDismissal.findMany({ where: { organizationId: orgA.id }, orderBy: { dismissedId: "asc" } });
}

describe("recommendations across tenants", () => {
  beforeAll(async () => {
    await resetDatabase();
    alice = await makeUser({ name: "Alice" });
    mallory = await makeUser({ name: "Mallory" });
    stranger = await makeUser({ name: "Stranger" });
    const profile = { ecosystems: ["health"], offers: "Clinical trials.", seeks: "AI partners.", targetCountries: ["IN"] };
    orgA = await makeApprovedOrg(alice, { name: "Alpha Cluster", country: "DK", profile });
    orgB = await makeApprovedOrg(await makeUser(), { name: "Beta Cluster", country: "IN", profile });
    orgC = await makeApprovedOrg(mallory, { name: "Third Cluster", country: "FR", profile });
    await db.recommendationDismissal.create({ data: { organizationId: orgA.id, dismissedId: orgB.id, dismissedById: alice.id } });
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s with A's slug answers a member of another organisation, and a stranger, not found", async (_name, testCase) => {
    const before = await aRows();
    for (const user of [mallory, stranger]) {
      await expect(testCase.run(user)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await aRows()).toEqual(before);
    expect(before).toHaveLength(1);
  });

  it("keeps each organisation's dismissals to itself", async () => {
    // Mallory dismisses B for C: A's dismissal of B is a different row, and undoing C's never touches A's.
    await dismissModule.dismissRecommendation({ orgSlug: orgC.slug, targetSlug: orgB.slug }, mallory.ctx);
    const before = await aRows();
    await dismissModule.undoDismissRecommendation({ orgSlug: orgC.slug, targetSlug: orgB.slug }, mallory.ctx);
    await expect(dismissModule.undoDismissRecommendation({ orgSlug: orgC.slug, targetSlug: orgB.slug }, mallory.ctx)).rejects.toBeInstanceOf(NotFoundError);
    expect(await aRows()).toEqual(before);
    expect((await dismissModule.listDismissedRecommendations({ orgSlug: orgC.slug }, mallory.ctx)).total).toBe(0);
    expect((await dismissModule.listDismissedRecommendations({ orgSlug: orgA.slug }, alice.ctx)).data.map((d) => d.slug)).toEqual([orgB.slug]);
  });

  it("has a case for every exported function", () => {
    const exported = [listModule, dismissModule, pageModule]
      .flatMap((module) => Object.entries(module).filter(([, value]) => typeof value === "function").map(([name]) => name))
      .sort();
    expect(cases.map((c) => c.name).sort()).toEqual(exported);
  });
});
