/**
 * Quality of the ranking on the demo data: precision at 5 over the sources of
 * the labelled evaluation set (evaluation-set.ts), through the real engine
 * (listRecommendations: the SQL candidates and the score), compared with the
 * threshold justified in docs/RECOMMENDATIONS.md. A naive ranking by shared
 * ecosystems is measured the same way, and must stay below the threshold:
 * otherwise the test could not tell a good ranking from a poor one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { DEMO_CLUSTERS } from "@/prisma/demo/clusters";
import { seedDemoData } from "@/prisma/seed";
import { EVALUATION_SET, PRECISION_AT_5_THRESHOLD } from "./evaluation-set";
import { listRecommendations } from "./list-recommendations";
import { dice } from "./score";
import { clearCorpusStats } from "./term-stats";

const db = testDb();
const K = 5;
const sources = [...new Set(EVALUATION_SET.map((p) => p.source))];
const labelsOf = (source: string) => new Map(EVALUATION_SET.filter((p) => p.source === source).map((p) => [p.candidate, p.label]));

/** Precision at K: the share of the K top places, over all sources, taken by organisations labelled good. */
function precisionAtK(tops: Map<string, string[]>): number {
  let good = 0;
  for (const source of sources) {
    const labels = labelsOf(source);
    good += (tops.get(source) ?? []).slice(0, K).filter((slug) => labels.get(slug) === "good").length;
  }
  return good / (K * sources.length);
}

let viewer: TestUser;
const ours = new Map<string, string[]>();

beforeAll(async () => {
  await resetDatabase();
  clearCorpusStats();
  await seedDemoData(db);
  viewer = await makeUser();
  const orgs = await db.organization.findMany({ where: { slug: { in: sources } }, select: { id: true } });
  await db.membership.createMany({ data: orgs.map((o) => ({ organizationId: o.id, userId: viewer.id, role: "MEMBER" as const })) });
  for (const source of sources) {
    const list = await listRecommendations({ orgSlug: source, limit: K }, viewer.ctx);
    ours.set(source, list.data.map((d) => d.slug));
  }
});

describe("the evaluation set", () => {
  it("has at least 30 labelled pairs of published demo organisations, each with a reason, none twice", () => {
    const published = new Set(DEMO_CLUSTERS.filter((c) => c.status === "APPROVED").map((c) => c.slug));
    expect(EVALUATION_SET.length).toBeGreaterThanOrEqual(30);
    expect(EVALUATION_SET.filter((p) => p.label === "good").length).toBeGreaterThanOrEqual(15);
    expect(EVALUATION_SET.filter((p) => p.label === "poor").length).toBeGreaterThanOrEqual(15);
    const keys = EVALUATION_SET.map((p) => `${p.source} ${p.candidate}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const pair of EVALUATION_SET) {
      expect(published.has(pair.source), pair.source).toBe(true);
      expect(published.has(pair.candidate), pair.candidate).toBe(true);
      expect(pair.source).not.toBe(pair.candidate);
      expect(pair.why.length, `${pair.source} → ${pair.candidate}`).toBeGreaterThan(10);
    }
  });

  it("judges every organisation the engine puts in a source's top 5 (pooled judgements)", () => {
    const unjudged = sources.flatMap((source) => (ours.get(source) ?? []).filter((slug) => !labelsOf(source).has(slug)).map((slug) => `${source} → ${slug}`));
    expect(unjudged).toEqual([]);
  });
});

describe("precision at 5", () => {
  it(`is at least ${PRECISION_AT_5_THRESHOLD}`, () => {
    for (const source of sources) expect(ours.get(source), source).toHaveLength(K);
    const precision = precisionAtK(ours);
    console.info(`[recommendations] precision@${K} = ${precision.toFixed(3)} over ${sources.length} organisations`);
    expect(precision).toBeGreaterThanOrEqual(PRECISION_AT_5_THRESHOLD);
  });

  it("is above what ranking by shared ecosystems alone achieves, which fails the threshold", async () => {
    const profiles = await db.clusterProfile.findMany({
      where: { status: "APPROVED" },
      select: { ecosystems: true, sectors: true, organization: { select: { slug: true, country: true } } },
    });
    const naive = new Map<string, string[]>();
    for (const source of sources) {
      const us = profiles.find((p) => p.organization.slug === source)!;
      naive.set(
        source,
        profiles
          .filter((p) => p.organization.country !== us.organization.country)
          .map((p) => ({ slug: p.organization.slug, value: dice(us.ecosystems, p.ecosystems) + 0.3 * dice(us.sectors, p.sectors) }))
          .sort((a, b) => b.value - a.value || a.slug.localeCompare(b.slug))
          .map((p) => p.slug),
      );
    }
    const baseline = precisionAtK(naive);
    console.info(`[recommendations] precision@${K} of shared ecosystems alone = ${baseline.toFixed(3)}`);
    expect(baseline).toBeLessThan(PRECISION_AT_5_THRESHOLD);
    expect(precisionAtK(ours)).toBeGreaterThan(baseline);
  });
});
