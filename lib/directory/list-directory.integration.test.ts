/**
 * The directory engine against a real PostgreSQL holding the demo data
 * (prisma/demo/clusters.ts): ranking, every filter and combinations compared
 * with the known data, facets equal to the filtered totals, pagination edges,
 * unpublished profiles, hostile search texts, and the search columns kept
 * current by the triggers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { DEMO_CLUSTERS } from "@/prisma/demo/clusters";
import type { DemoCluster } from "@/prisma/demo/types";
import { seedDemoData } from "@/prisma/seed";
import { getDirectoryEntry } from "./get-directory-entry";
import { MAX_RANKED_RESULTS } from "./directory-sql";
import { clearDirectoryCache, listDirectory } from "./list-directory";
import { FACET_KINDS, SIZE_BANDS, parseDirectoryQuery, type TDirectoryQuery } from "./schemas";

const db = testDb();
const published = DEMO_CLUSTERS.filter((c) => c.status === "APPROVED");
const unpublished = DEMO_CLUSTERS.filter((c) => c.status !== "APPROVED");
const total = (c: DemoCluster) => Object.values(c.members).reduce((a, b) => a + b, 0);

const query = (qs: string, extra: Partial<TDirectoryQuery> = {}): TDirectoryQuery => ({
  ...parseDirectoryQuery(new URLSearchParams(qs)),
  ...extra,
});
const list = (qs: string, extra: Partial<TDirectoryQuery> = {}, locale: "en" | "ru" = "en") =>
  listDirectory(query(qs, { perPage: 100, ...extra }), { locale });
const slugs = async (qs: string, extra: Partial<TDirectoryQuery> = {}) => (await list(qs, extra)).data.map((d) => d.slug);
const expected = (predicate: (c: DemoCluster) => boolean) => published.filter(predicate).map((c) => c.slug).sort();

beforeAll(async () => {
  await resetDatabase();
  await seedDemoData(db);
});

describe("what the directory lists", () => {
  it("lists every published profile and no other", async () => {
    const page = await list("");
    expect(page.total).toBe(published.length);
    expect(page.data.map((d) => d.slug).sort()).toEqual(published.map((c) => c.slug).sort());
    for (const c of unpublished) expect(page.data.map((d) => d.slug)).not.toContain(c.slug);
  });

  it("never finds a draft or a profile waiting for review, even by its exact name", async () => {
    for (const c of unpublished) {
      const page = await list("", { q: c.name });
      expect(page.data.map((d) => d.slug), c.name).not.toContain(c.slug);
      expect(await getDirectoryEntry(c.slug, { locale: "en" })).toBeNull();
    }
  });

  it("answers an item with what the table and the map need, in the viewer's language", async () => {
    const en = await list("", { q: "Øresund BioBridge Cluster" });
    const item = en.data[0]!;
    expect(item).toMatchObject({
      slug: "oresund-biobridge-cluster",
      name: "Øresund BioBridge Cluster",
      acronym: "OBB",
      country: "DK",
      countryName: "Denmark",
      region: "Capital Region of Denmark",
      city: "Copenhagen",
      ecosystems: ["health"],
      label: "GOLD",
      membersTotal: 344,
      internationalisationLevel: 4,
      url: "/clusters/oresund-biobridge-cluster",
      logoUrl: null,
    });
    expect(item.latitude).toBeCloseTo(55.6761);
    expect(item.summary).toMatch(/^Øresund BioBridge Cluster brings together biotech/);
    expect(item.summary.length).toBeLessThanOrEqual(200);
    const ru = await list("", { q: "Øresund BioBridge Cluster" }, "ru");
    expect(ru.data[0]!.summary).toMatch(/^Øresund BioBridge Cluster объединяет/);
    expect(ru.data[0]!.countryName).toBe("Дания");
  });
});

describe("ranking", () => {
  it("puts an exact name first, ahead of profiles that share its words", async () => {
    // A decoy that repeats the words everywhere, in its name too, ranks higher on full text alone.
    const decoy = await db.organization.create({
      data: {
        name: "Funen Cobot Cluster Partners of Funen",
        slug: "funen-cobot-decoy",
        country: "DE",
        profile: {
          create: {
            status: "APPROVED",
            acronym: "FCC",
            descriptionEn: "Funen cobot cluster, cobot cluster of Funen: the Funen cobot cluster's partners.",
            keywords: ["robotics"],
            tags: ["funen", "cobot", "cluster"],
            publishedAt: new Date(),
          },
        },
      },
    });
    // A profile without an acronym that mentions the decoy's acronym a lot.
    const echo = await db.organization.create({
      data: {
        name: "Echo Chamber Network",
        slug: "echo-chamber-network",
        country: "FR",
        profile: { create: { status: "APPROVED", descriptionEn: "FCC, FCC and FCC again.", keywords: ["fcc"], publishedAt: new Date() } },
      },
    });
    try {
      expect(await slugs("", { q: "FCC" })).toEqual(["funen-cobot-decoy", "echo-chamber-network"]);
      const page = await list("", { q: "Funen Cobot Cluster" });
      expect(page.data.map((d) => d.slug)).toEqual(["funen-cobot-cluster", "funen-cobot-decoy"]);
      const sloppy = await list("", { q: "  funen COBOT cluster " });
      expect(sloppy.data[0]!.slug).toBe("funen-cobot-cluster");
    } finally {
      await db.organization.deleteMany({ where: { id: { in: [decoy.id, echo.id] } } });
    }
  });

  it("puts an exact acronym first, in any case", async () => {
    expect((await slugs("", { q: "obb" }))[0]).toBe("oresund-biobridge-cluster");
    expect((await slugs("", { q: "JMC" }))[0]).toBe("jutland-medtech-collective");
  });

  it("finds a Russian description with a Russian query, in other word forms", async () => {
    // "Эресунн" is only in the Russian description of the Øresund cluster.
    expect(await slugs("", { q: "Эресунна" })).toEqual(["oresund-biobridge-cluster"]);
    const trials = await slugs("", { q: "клиническое исследование" });
    expect(trials).toContain("oresund-biobridge-cluster");
  });

  it("finds an English description with an English query, stemmed", async () => {
    expect(await slugs("", { q: "insulin" })).toContain("oresund-biobridge-cluster");
    expect(await slugs("", { q: "enzyme producers" })).toEqual(["oresund-biobridge-cluster"]);
  });

  it("finds keywords through their labels in either language", async () => {
    const robotics = expected((c) => c.keywords.includes("robotics"));
    const ru = await slugs("", { q: "Робототехника" });
    for (const slug of robotics) expect(ru).toContain(slug);
  });

  it("tolerates typos and missing accents in names", async () => {
    expect((await slugs("", { q: "Oresund Biobrige" }))[0]).toBe("oresund-biobridge-cluster");
    expect((await slugs("", { q: "Jutlnd Medtech" }))[0]).toBe("jutland-medtech-collective");
    expect((await slugs("", { q: "skane life" }))[0]).toBe("skane-life-science-corridor");
  });

  it("matches the start of a word while the user types", async () => {
    expect(await slugs("", { q: "biobr" })).toContain("oresund-biobridge-cluster");
    expect(await slugs("", { q: "enzym" })).toContain("oresund-biobridge-cluster");
  });

  it("supports quoted phrases and excluded words", async () => {
    const phrase = await slugs("", { q: '"clinical-trial network"' });
    expect(phrase).toContain("oresund-biobridge-cluster");
    const excluded = await slugs("", { q: '"clinical-trial network" -insulin' });
    expect(excluded).not.toContain("oresund-biobridge-cluster");
    expect(excluded.length).toBe(phrase.length - 1);
  });

  it("finds nothing for a word no profile has", async () => {
    const page = await list("", { q: "xylophonequartz" });
    expect(page).toMatchObject({ data: [], total: 0, totalPages: 0 });
  });
});

describe("ranking many results", () => {
  it(`orders by exact name, name similarity and name above ${MAX_RANKED_RESULTS.toLocaleString("en")} results, by full-text weight below`, async () => {
    const bulk = MAX_RANKED_RESULTS + 10;
    // Profiles that mention the word only in their description (weight D), in two countries…
    await db.$executeRaw`
      INSERT INTO "Organization" ("id", "name", "slug", "country", "updatedAt")
      SELECT 'rank_' || i, 'Rankbulk ' || lpad(i::text, 5, '0'), 'rank-bulk-' || i, CASE WHEN i % 2 = 0 THEN 'NO' ELSE 'FI' END, now()
      FROM generate_series(1, ${bulk}::int) i`;
    await db.$executeRaw`
      INSERT INTO "ClusterProfile" ("organizationId", "status", "descriptionEn", "publishedAt", "updatedAt")
      SELECT 'rank_' || i, 'APPROVED', 'We also do quasarwidget assembly.', now(), now() FROM generate_series(1, ${bulk}::int) i`;
    // …one with it in its keywords (weight B), one with it in its name, one named exactly so.
    const extra = [
      { id: "rank_tag", name: "Zulu Tagged Network", slug: "rank-tag", tags: ["quasarwidget"] },
      { id: "rank_similar", name: "Quasarwidget Works Alliance", slug: "rank-similar", tags: [] },
      { id: "rank_exact", name: "Quasarwidget", slug: "rank-exact", tags: [] },
    ];
    for (const e of extra) {
      await db.organization.create({
        data: {
          id: e.id, name: e.name, slug: e.slug, country: "NO",
          profile: { create: { status: "APPROVED", tags: e.tags, descriptionEn: "Quasarwidget.", publishedAt: new Date() } },
        },
      });
    }
    try {
      const broad = await list("", { q: "quasarwidget", perPage: 5 });
      expect(broad.total).toBe(bulk + 3);
      // Too many to rank by full text: exact, then similar names, then by name (the tagged one is not first any more).
      expect(broad.data.map((d) => d.slug)).toEqual(["rank-exact", "rank-similar", "rank-bulk-1", "rank-bulk-2", "rank-bulk-3"]);

      const narrow = await list("country=NO", { q: "quasarwidget", perPage: 4 });
      expect(narrow.total).toBeLessThanOrEqual(MAX_RANKED_RESULTS);
      // Few enough: full-text weight counts, so the tagged profile (B) comes before description-only ones (D).
      expect(narrow.data.map((d) => d.slug)).toEqual(["rank-exact", "rank-similar", "rank-tag", "rank-bulk-2"]);
    } finally {
      await db.organization.deleteMany({ where: { id: { startsWith: "rank_" } } });
    }
  }, 120_000);
});

describe("filters: AND across kinds, OR within a kind", () => {
  const cases: [string, (c: DemoCluster) => boolean][] = [
    ["country=DK", (c) => c.country === "DK"],
    ["country=DK,SE&country=in", (c) => ["DK", "SE", "IN"].includes(c.country)],
    ["ecosystem=health", (c) => c.ecosystems.includes("health")],
    ["ecosystem=health,energy-renewables", (c) => c.ecosystems.includes("health") || c.ecosystems.includes("energy-renewables")],
    ["sector=Q", (c) => c.sectors.includes("Q")],
    ["label=gold,silver", (c) => c.label === "GOLD" || c.label === "SILVER"],
    ["label=NONE", (c) => c.label === "NONE"],
    ["level=4", (c) => c.internationalisationLevel === 4],
    ["level=1,2", (c) => c.internationalisationLevel <= 2],
    ["size=50-249", (c) => total(c) >= 50 && total(c) <= 249],
    ["size=250-499,500%2B", (c) => total(c) >= 250],
    ["targetsCountry=IN", (c) => c.targetCountries.includes("IN")],
    [`region=${encodeURIComponent("Capital Region of Denmark")}`, (c) => c.region === "Capital Region of Denmark"],
    ["country=DK&ecosystem=digital", (c) => c.country === "DK" && c.ecosystems.includes("digital")],
    [
      "ecosystem=health,digital&label=GOLD,SILVER&level=3,4",
      (c) =>
        (c.ecosystems.includes("health") || c.ecosystems.includes("digital")) &&
        (c.label === "GOLD" || c.label === "SILVER") &&
        c.internationalisationLevel >= 3,
    ],
    ["country=FR,IT&sector=C&size=50-249&targetsCountry=US", (c) =>
      ["FR", "IT"].includes(c.country) && c.sectors.includes("C") && total(c) >= 50 && total(c) <= 249 && c.targetCountries.includes("US")],
  ];

  it.each(cases)("%s", async (qs, predicate) => {
    const want = expected(predicate);
    expect(want.length, "a case that matches nothing proves little").toBeGreaterThan(0);
    const page = await list(qs);
    expect(page.data.map((d) => d.slug).sort()).toEqual(want);
    expect(page.total).toBe(want.length);
  });

  it("combines text and filters", async () => {
    const page = await list("ecosystem=health", { q: "clinical" });
    expect(page.total).toBeGreaterThan(0);
    const healthy = new Set(expected((c) => c.ecosystems.includes("health")));
    for (const d of page.data) expect(healthy.has(d.slug)).toBe(true);
    expect(page.total).toBeLessThan((await list("", { q: "clinical" })).total + 1);
  });
});

describe("facets", () => {
  /** Facet counts must equal the totals the user gets by choosing the value (under every other filter). */
  async function expectFacetsMatchTotals(qs: string) {
    const base = query(qs, { perPage: 1 });
    const page = await listDirectory(base, { locale: "en" });
    let checked = 0;
    for (const kind of FACET_KINDS) {
      for (const facet of page.facets[kind]) {
        const value = kind === "level" ? Number(facet.value) : facet.value;
        const narrowed = { ...base, [kind]: [value] } as TDirectoryQuery;
        const { total } = await listDirectory(narrowed, { locale: "en" });
        expect(total, `${qs} ${kind}=${facet.value}`).toBe(facet.count);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
    return page;
  }

  it("count what each value would give, with no filter", async () => {
    const page = await expectFacetsMatchTotals("");
    expect(page.facets.country.reduce((sum, f) => sum + f.count, 0)).toBe(published.length);
    expect(page.facets.label.reduce((sum, f) => sum + f.count, 0)).toBe(published.length);
    expect(page.facets.size.reduce((sum, f) => sum + f.count, 0)).toBe(published.length);
    expect(page.facets.country.find((f) => f.value === "IN")).toMatchObject({ label: "India", count: 5 });
  });

  it("count each kind under the OTHER filters and the text", async () => {
    const page = await expectFacetsMatchTotals("ecosystem=digital&label=BRONZE,SILVER&q=software");
    // The chosen kind still shows its other values (choosing a second label widens the result).
    expect(page.facets.label.find((f) => f.value === "GOLD")!.selected).toBe(false);
    expect(page.facets.label.find((f) => f.value === "BRONZE")!.selected).toBe(true);
  });

  it("count under a country and a level", async () => {
    await expectFacetsMatchTotals("country=DK,IN,RU&level=3");
  });

  it("list every active ecosystem and sector with labels, and chosen countries even at zero", async () => {
    const page = await list("country=DK&ecosystem=textiles");
    expect(page.total).toBe(0);
    expect(page.facets.ecosystem.map((f) => f.value)).toHaveLength(14);
    expect(page.facets.ecosystem.find((f) => f.value === "health")).toMatchObject({ label: "Health", count: 2 });
    expect(page.facets.sector.length).toBeGreaterThanOrEqual(21);
    expect(page.facets.country.find((f) => f.value === "DK")).toMatchObject({ selected: true, count: 0 });
    expect(page.facets.size.map((f) => f.value)).toEqual(SIZE_BANDS.map((b) => b.id));
    expect(page.facets.level.map((f) => f.value)).toEqual(["1", "2", "3", "4"]);
    const ru = await list("country=DK", {}, "ru");
    expect(ru.facets.ecosystem.find((f) => f.value === "health")!.label).toBe("Здравоохранение");
    expect(ru.facets.country.find((f) => f.value === "DK")).toMatchObject({ label: "Дания", count: 3, selected: true });
  });
});

describe("sorting and pagination", () => {
  it("sorts by name, newest and size, with the slug breaking ties", async () => {
    const byName = (await list("sort=name")).data.map((d) => d.name);
    const folded = byName.map((n) => n.normalize("NFD").replace(/\p{M}/gu, "").replace("Ø", "O").toLowerCase());
    expect(folded).toEqual([...folded].sort());
    const bySize = (await list("sort=size")).data.map((d) => d.membersTotal);
    expect(bySize).toEqual([...bySize].sort((a, b) => b - a));
    const byDate = (await list("sort=newest")).data.map((d) => d.publishedAt!);
    expect(byDate).toEqual([...byDate].sort().reverse());
    // Relevance without a text is the name order.
    expect((await list("")).data.map((d) => d.name)).toEqual(byName);
  });

  it("pages without overlap or gap, and reports the edges", async () => {
    const perPage = 10;
    const seen: string[] = [];
    const pages = Math.ceil(published.length / perPage);
    for (let page = 1; page <= pages; page += 1) {
      const result = await listDirectory(query(`sort=size&perPage=${perPage}&page=${page}`), { locale: "en" });
      expect(result).toMatchObject({ total: published.length, page, perPage, totalPages: pages });
      expect(result.data.length).toBe(page < pages ? perPage : published.length - perPage * (pages - 1));
      seen.push(...result.data.map((d) => d.slug));
    }
    expect(new Set(seen).size).toBe(published.length);

    const beyond = await listDirectory(query(`sort=size&perPage=${perPage}&page=${pages + 1}`), { locale: "en" });
    expect(beyond).toMatchObject({ data: [], total: published.length, page: pages + 1, totalPages: pages });
    expect(beyond.facets.country.length).toBeGreaterThan(0);
  });
});

describe("hostile search texts", () => {
  const hostile = [
    '"', '""', '"unclosed phrase', "%", "%%", "_", "\\", "\\\\'", "&", "|", "!", "!!", ":*", "a:*", "&|!:*()<->",
    "'; DROP TABLE \"Organization\"; --", "-", "- -", "or", "OR OR", "<->", "(((", ")", "a & b | !c", "clinical:* & !",
    "\u0000", "a\u0000b", "\uD800", "a\uDFFFb", "\uFFFD\uFFFD", "💥🚀", "é".repeat(3000), "x".repeat(10_000),
    "word ".repeat(2000), "а".repeat(5000), "\t\n\r", " ", "%ZZ", "\\x00", "null", "undefined", "SELECT 1",
  ];

  it.each(hostile.map((q) => [JSON.stringify(q).slice(0, 40), q]))("%s returns a list", async (_label, q) => {
    const page = await list("", { q: parseDirectoryQuery({ q }).q });
    expect(Array.isArray(page.data)).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(0);
    expect(page.total).toBe(page.data.length);
  });

  it("also survives hostile text that bypassed the schema", async () => {
    for (const q of ["\u0000\u0000", "\uD800x", "y".repeat(10_000), ":*:*:*", "!(&|)"]) {
      await expect(list("", { q })).resolves.toMatchObject({ page: 1 });
    }
  });

  it("hostile filter values are dropped, not sent", async () => {
    const page = await list("country=' OR 1=1 --&ecosystem=%00&region=%27%3B+DROP&level=1;2&sort=%22");
    expect(page.total).toBe(0); // the region "'; DROP" is a real (non-matching) filter; the rest were dropped
    expect((await list("country=' OR 1=1 --")).total).toBe(published.length);
  });
});

describe("search columns stay current", () => {
  it("follows a renamed organisation and a changed profile", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "funen-cobot-cluster" } });
    await db.organization.update({ where: { id: org.id }, data: { name: "Zealand Quokka Robotics Alliance" } });
    try {
      expect((await slugs("", { q: "Zealand Quokka Robotics Alliance" }))[0]).toBe("funen-cobot-cluster");
      expect((await slugs("", { q: "Quoka" }))[0]).toBe("funen-cobot-cluster");

      await db.clusterProfile.update({
        where: { organizationId: org.id },
        data: { offers: "Marzipan extrusion lines", membersSme: 1000 },
      });
      expect(await slugs("", { q: "marzipan" })).toEqual(["funen-cobot-cluster"]);
      expect((await list("size=500%2B")).data.map((d) => d.slug)).toContain("funen-cobot-cluster");
    } finally {
      await db.organization.update({ where: { id: org.id }, data: { name: "Funen Cobot Cluster" } });
    }
    expect((await slugs("", { q: "Funen Cobot Cluster" }))[0]).toBe("funen-cobot-cluster");
  });

  it("follows a relabelled technology keyword", async () => {
    await db.technologyKeyword.update({ where: { code: "drones" }, data: { labelEn: "Unmanned aerial gizmos" } });
    const drones = expected((c) => c.keywords.includes("drones"));
    expect(drones.length).toBeGreaterThan(0);
    expect((await slugs("", { q: "gizmos" })).sort()).toEqual(drones);
  });

  it("drops a profile from the directory when it goes back to draft", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "jutland-medtech-collective" } });
    await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "DRAFT" } });
    try {
      expect(await slugs("", { q: "Jutland MedTech Collective" })).not.toContain("jutland-medtech-collective");
      expect((await list("")).total).toBe(published.length - 1);
    } finally {
      await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "APPROVED" } });
    }
  });
});

describe("the answer cache", () => {
  it("answers a repeated query from memory until something the directory shows changes", async () => {
    clearDirectoryCache();
    const q = query("country=DK&sort=size");
    const first = await listDirectory(q, { locale: "en" });
    expect(await listDirectory(q, { locale: "en" })).toBe(first); // the very same object: no query ran
    expect(await listDirectory(q, { locale: "ru" })).not.toBe(first); // the language is part of the key

    const org = await db.organization.findUniqueOrThrow({ where: { slug: "funen-cobot-cluster" } });
    await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "PENDING" } });
    try {
      const after = await listDirectory(q, { locale: "en" });
      expect(after).not.toBe(first);
      expect(after.total).toBe(first.total - 1);
    } finally {
      await db.clusterProfile.update({ where: { organizationId: org.id }, data: { status: "APPROVED" } });
    }
    expect((await listDirectory(q, { locale: "en" })).total).toBe(first.total);

    // A taxonomy label shown in the facets counts as a change too.
    const cached = await listDirectory(q, { locale: "en" });
    await db.ecosystem.update({ where: { code: "health" }, data: { labelEn: "Health and care" } });
    try {
      const relabelled = await listDirectory(q, { locale: "en" });
      expect(relabelled.facets.ecosystem.find((f) => f.value === "health")!.label).toBe("Health and care");
      expect(cached.facets.ecosystem.find((f) => f.value === "health")!.label).toBe("Health");
    } finally {
      await db.ecosystem.update({ where: { code: "health" }, data: { labelEn: "Health" } });
    }
  });
});

describe("getDirectoryEntry", () => {
  it("gives a published profile's public fields, labelled, and null for unknown slugs", async () => {
    const entry = await getDirectoryEntry("jutland-medtech-collective", { locale: "ru" });
    expect(entry).toMatchObject({
      slug: "jutland-medtech-collective",
      name: "Jutland MedTech Collective",
      country: "DK",
      members: { sme: 112, large: 9, research: 6, university: 3, public: 8, other: 5, total: 143 },
      label: "SILVER",
      url: "/clusters/jutland-medtech-collective",
    });
    expect(entry!.ecosystems).toContainEqual({ code: "health", label: "Здравоохранение" });
    expect(entry).not.toHaveProperty("contactEmail");
    expect(await getDirectoryEntry("no-such-cluster", { locale: "en" })).toBeNull();
    expect(await getDirectoryEntry("x".repeat(5000), { locale: "en" })).toBeNull();
  });
});
