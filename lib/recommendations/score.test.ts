import { describe, expect, it } from "vitest";
import {
  PART_MIX,
  RECOMMENDATION_WEIGHTS,
  RESPONSIVENESS_PRIOR,
  dice,
  profileTexts,
  scoreCandidate,
  scoreCompatibility,
  scoreComplementarity,
  scoreMarket,
  scoreResponsiveness,
  scoreShared,
  sizeBand,
  type ScoredProfile,
} from "./score";
import { buildTermStats } from "./text";

const base: ScoredProfile = {
  country: "DK",
  ecosystems: ["health"],
  sectors: ["C", "M", "Q"],
  keywords: ["clinical-research", "biotechnology"],
  offers: "A Nordic clinical-trial network of university hospitals, and regulatory advice for first-in-human studies.",
  seeks: "AI and machine-learning partners for drug discovery, and venture investment for biotech companies.",
  targetCountries: ["IN", "US"],
  label: "GOLD",
  membersTotal: 340,
};
const profile = (overrides: Partial<ScoredProfile>): ScoredProfile => ({ ...base, ...overrides });

const stats = buildTermStats([
  base.offers,
  base.seeks,
  "Software development and cybersecurity teams",
  "Wine tourism and export desk",
  "Partners for market entry",
  "AI and machine-learning teams for drug discovery and medical imaging",
  "Clinical-trial networks to validate our models",
  "Offshore wind components and a test bench",
]);
const textsOf = (p: ScoredProfile) => profileTexts(p, stats);

describe("the weights", () => {
  it("add up to 1, and so does every mix inside a part", () => {
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(RECOMMENDATION_WEIGHTS)).toBeCloseTo(1, 10);
    for (const mix of Object.values(PART_MIX)) expect(sum(mix)).toBeCloseTo(1, 10);
  });
});

describe("dice", () => {
  it("is 1 for the same sets, 0 for disjoint or empty ones", () => {
    expect(dice(["a", "b"], ["b", "a"])).toBe(1);
    expect(dice(["a"], ["b"])).toBe(0);
    expect(dice([], ["a"])).toBe(0);
    expect(dice(["a"], ["a", "b", "c"])).toBeCloseTo(0.5);
    expect(dice(["a", "a"], ["a"])).toBe(1);
  });
});

describe("scoreShared", () => {
  it("rewards the same ecosystems most, sectors a little, and names the shared ecosystems", () => {
    const same = scoreShared(base, profile({}));
    expect(same.value).toBeCloseTo(1);
    expect(same.reasons).toEqual([{ kind: "sharedEcosystems", codes: ["health"] }]);

    const sectorsOnly = scoreShared(base, profile({ ecosystems: ["digital"], sectors: ["Q"] }));
    expect(sectorsOnly.value).toBeCloseTo(PART_MIX.shared.sectors * 0.5);
    expect(sectorsOnly.reasons).toEqual([{ kind: "sharedSectors", codes: ["Q"] }]);

    const nothing = scoreShared(base, profile({ ecosystems: ["tourism"], sectors: ["I"] }));
    expect(nothing).toEqual({ value: 0, reasons: [] });
  });

  it("is higher the more of the field is shared", () => {
    const one = scoreShared(base, profile({ ecosystems: ["health", "digital", "electronics"] })).value;
    const all = scoreShared(base, profile({ ecosystems: ["health"] })).value;
    expect(all).toBeGreaterThan(one);
    expect(one).toBeGreaterThan(0);
  });
});

describe("scoreComplementarity", () => {
  const us = base;
  const deccan = profile({
    country: "IN",
    ecosystems: ["digital", "health"],
    keywords: ["machine-learning"],
    offers: "AI and machine-learning teams for drug discovery and medical imaging.",
    seeks: "Clinical-trial networks to validate our models.",
  });
  const wine = profile({ keywords: [], offers: "Wine tourism and export desk.", seeks: "Wine importers in China." });

  it("scores two-way complementary texts high and quotes both ways", () => {
    const result = scoreComplementarity(us, deccan, { us: textsOf(us), them: textsOf(deccan) });
    expect(result.value).toBeGreaterThan(0.5);
    expect(result.reasons).toContainEqual({
      kind: "theyOfferWeSeek",
      theirs: "AI and machine-learning teams for drug discovery and medical imaging",
      ours: "AI and machine-learning partners for drug discovery",
    });
    expect(result.reasons).toContainEqual({
      kind: "theySeekWeOffer",
      theirs: "Clinical-trial networks to validate our models",
      ours: "A Nordic clinical-trial network of university hospitals",
    });
  });

  it("scores unrelated texts zero and gives no text reason", () => {
    const result = scoreComplementarity(us, wine, { us: textsOf(us), them: textsOf(wine) });
    expect(result.value).toBe(0);
    expect(result.reasons).toEqual([]);
  });

  it("prefers both directions to one", () => {
    const oneWay = profile({ offers: deccan.offers, seeks: "Wine importers in China.", keywords: [] });
    const twoWay = profile({ offers: deccan.offers, seeks: deccan.seeks, keywords: [] });
    const one = scoreComplementarity(us, oneWay, { us: textsOf(us), them: textsOf(oneWay) }).value;
    const two = scoreComplementarity(us, twoWay, { us: textsOf(us), them: textsOf(twoWay) }).value;
    expect(two).toBeGreaterThan(one);
    expect(one).toBeGreaterThan(0);
  });

  it("adds shared technology keywords, and quotes nothing when asked not to", () => {
    const keywordsOnly = profile({ offers: wine.offers, seeks: wine.seeks, keywords: ["clinical-research"] });
    const result = scoreComplementarity(us, keywordsOnly, { us: textsOf(us), them: textsOf(keywordsOnly) }, { quote: false });
    expect(result.value).toBeCloseTo(PART_MIX.complementarity.keywords * (2 / 3));
    expect(result.reasons).toEqual([{ kind: "sharedKeywords", codes: ["clinical-research"] }]);
  });
});

describe("scoreMarket", () => {
  it("counts they target us more than we target them", () => {
    const both = scoreMarket(base, profile({ country: "IN", targetCountries: ["DK"] }));
    expect(both.value).toBe(1);
    expect(both.reasons).toEqual([
      { kind: "theyTargetUs", country: "DK" },
      { kind: "weTargetThem", country: "IN" },
    ]);
    const theyOnly = scoreMarket(base, profile({ country: "FR", targetCountries: ["DK"] }));
    const weOnly = scoreMarket(base, profile({ country: "US", targetCountries: [] }));
    expect(theyOnly.value).toBe(PART_MIX.market.theyTargetUs);
    expect(weOnly.value).toBe(PART_MIX.market.weTargetThem);
    expect(theyOnly.value).toBeGreaterThan(weOnly.value);
    expect(scoreMarket(base, profile({ country: "FR", targetCountries: ["ES"] }))).toEqual({ value: 0, reasons: [] });
  });
});

describe("scoreCompatibility", () => {
  it("uses the directory's size bands", () => {
    expect([0, 49, 50, 249, 250, 499, 500, 10_000].map(sizeBand)).toEqual([
      "1-49", "1-49", "50-249", "50-249", "250-499", "250-499", "500+", "500+",
    ]);
  });

  it("is 1 for the same band and label and falls with the distance", () => {
    const same = scoreCompatibility(base, profile({ membersTotal: 300 }));
    expect(same.value).toBe(1);
    expect(same.reasons).toEqual([
      { kind: "similarSize", band: "250-499" },
      { kind: "label", label: "GOLD" },
    ]);
    const far = scoreCompatibility(base, profile({ membersTotal: 20, label: "NONE" }));
    // Two bands apart (of three steps), Gold against none.
    expect(far.value).toBeCloseTo(PART_MIX.compatibility.size * (1 / 3) + PART_MIX.compatibility.label * 0);
    expect(far.reasons).toEqual([]);
    const bronze = scoreCompatibility(base, profile({ membersTotal: 1000, label: "BRONZE" }));
    expect(bronze.reasons).toEqual([]);
    expect(bronze.value).toBeLessThan(same.value);
    expect(bronze.value).toBeGreaterThan(far.value);
  });
});

describe("scoreResponsiveness", () => {
  it("is neutral without history and follows the answer rate as requests accumulate", () => {
    expect(scoreResponsiveness({ answered: 0, received: 0 }).value).toBe(
      RESPONSIVENESS_PRIOR.answered / RESPONSIVENESS_PRIOR.received,
    );
    expect(scoreResponsiveness({ answered: 1, received: 1 }).value).toBeCloseTo(0.6);
    expect(scoreResponsiveness({ answered: 0, received: 1 }).value).toBeCloseTo(0.4);
    expect(scoreResponsiveness({ answered: 40, received: 40 }).value).toBeGreaterThan(0.95);
    expect(scoreResponsiveness({ answered: 0, received: 40 }).value).toBeLessThan(0.05);
  });

  it("says they answer only with enough requests and a good rate", () => {
    expect(scoreResponsiveness({ answered: 2, received: 2 }).reasons).toEqual([]);
    expect(scoreResponsiveness({ answered: 2, received: 5 }).reasons).toEqual([]);
    expect(scoreResponsiveness({ answered: 4, received: 5 }).reasons).toEqual([{ kind: "responsive", answered: 4, received: 5 }]);
  });

  it("survives nonsense counts", () => {
    expect(scoreResponsiveness({ answered: 9, received: 3 }).value).toBeLessThanOrEqual(1);
    expect(scoreResponsiveness({ answered: -1, received: Number.NaN }).value).toBe(0.5);
  });
});

describe("scoreCandidate", () => {
  const them = profile({
    country: "IN",
    ecosystems: ["digital", "health"],
    keywords: ["machine-learning", "clinical-research"],
    offers: "AI and machine-learning teams for drug discovery and medical imaging.",
    seeks: "Clinical-trial networks to validate our models.",
    targetCountries: ["DK"],
    label: "SILVER",
    membersTotal: 190,
  });

  it("is the weighted sum of the parts, between 0 and 1", () => {
    const result = scoreCandidate({ us: base, them, texts: { us: textsOf(base), them: textsOf(them) }, history: { answered: 3, received: 4 } });
    const expected = (Object.keys(RECOMMENDATION_WEIGHTS) as (keyof typeof RECOMMENDATION_WEIGHTS)[]).reduce(
      (sum, part) => sum + RECOMMENDATION_WEIGHTS[part] * result.parts[part],
      0,
    );
    expect(result.total).toBeCloseTo(expected, 10);
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBeLessThanOrEqual(1);
  });

  it("tells the reasons, the field and the texts first", () => {
    const result = scoreCandidate({ us: base, them, texts: { us: textsOf(base), them: textsOf(them) }, history: { answered: 4, received: 4 } });
    expect(result.reasons.map((r) => r.kind)).toEqual([
      "sharedEcosystems",
      "theySeekWeOffer",
      "theyOfferWeSeek",
      "theyTargetUs",
      "weTargetThem",
      "sharedKeywords",
      "responsive",
      "label",
    ]);
  });

  it("ranks a complementary partner above an unrelated one", () => {
    const unrelated = profile({ country: "IT", ecosystems: ["tourism"], sectors: ["I"], keywords: [], offers: "Wine tourism.", seeks: "Wine importers.", targetCountries: [], label: "NONE", membersTotal: 20 });
    const score = (p: ScoredProfile) => scoreCandidate({ us: base, them: p, texts: { us: textsOf(base), them: textsOf(p) }, history: { answered: 0, received: 0 } }).total;
    expect(score(them)).toBeGreaterThan(score(unrelated) + 0.3);
  });

  it("gives the same total without reasons", () => {
    const input = { us: base, them, texts: { us: textsOf(base), them: textsOf(them) }, history: { answered: 1, received: 2 } };
    const quiet = scoreCandidate({ ...input, quote: false });
    expect(quiet.total).toBe(scoreCandidate(input).total);
    expect(quiet.reasons).toEqual([]);
  });
});
