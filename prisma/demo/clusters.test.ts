import { describe, it, expect } from "vitest";
import { isCountryCode } from "@/lib/geo/countries";
import { isValidSlug } from "@/lib/orgs/slug";
import { ECOSYSTEMS, SECTORS, TECHNOLOGY_KEYWORDS } from "@/lib/profiles/taxonomy-seed";
import { DEMO_CLUSTERS } from "./clusters";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
const CYRILLIC = /[\u0400-\u04FF]/;

const ecosystemCodes = new Set(ECOSYSTEMS.map((e) => e.code));
const sectorCodes = new Set(SECTORS.map((s) => s.code));
const keywordCodes = new Set(TECHNOLOGY_KEYWORDS.map((k) => k.code));

const bySlug = new Map(DEMO_CLUSTERS.map((c) => [c.slug, c]));

describe("DEMO_CLUSTERS", () => {
  it("has enough entries across enough countries", () => {
    expect(DEMO_CLUSTERS.length).toBeGreaterThanOrEqual(60);
    const countries = new Set(DEMO_CLUSTERS.map((c) => c.country));
    expect(countries.size).toBeGreaterThanOrEqual(25);
    for (const required of ["DK", "SE", "IT", "FR", "BR", "CN", "IN", "US", "IL", "JP", "KR", "DE", "RU"]) {
      expect([...countries], required).toContain(required);
    }
  });

  it("has several clusters in the countries the demo features", () => {
    const count = (country: string) => DEMO_CLUSTERS.filter((c) => c.country === country).length;
    for (const country of ["DK", "SE", "IT", "FR", "BR", "CN", "IN", "RU"]) {
      expect(count(country), country).toBeGreaterThanOrEqual(3);
    }
    const indianRegions = new Set(DEMO_CLUSTERS.filter((c) => c.country === "IN").map((c) => c.region));
    for (const region of ["Odisha", "Maharashtra", "Karnataka", "Rajasthan"]) {
      expect([...indianRegions], region).toContain(region);
    }
  });

  it("has unique, valid slugs", () => {
    const slugs = DEMO_CLUSTERS.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) {
      expect(slug, slug).toMatch(SLUG);
      expect(slug.includes("--"), slug).toBe(false);
      expect(slug.length, slug).toBeLessThanOrEqual(60);
      expect(isValidSlug(slug), slug).toBe(true);
    }
  });

  it("has unique names", () => {
    const names = DEMO_CLUSTERS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("uses only codes from the taxonomy seed, within the allowed counts", () => {
    for (const c of DEMO_CLUSTERS) {
      expect(c.ecosystems.length, c.slug).toBeGreaterThanOrEqual(1);
      expect(c.ecosystems.length, c.slug).toBeLessThanOrEqual(3);
      expect(c.sectors.length, c.slug).toBeGreaterThanOrEqual(1);
      expect(c.sectors.length, c.slug).toBeLessThanOrEqual(4);
      expect(c.keywords.length, c.slug).toBeGreaterThanOrEqual(2);
      expect(c.keywords.length, c.slug).toBeLessThanOrEqual(6);
      expect(c.tags.length, c.slug).toBeLessThanOrEqual(3);
      for (const code of c.ecosystems) expect(ecosystemCodes.has(code), `${c.slug}: ${code}`).toBe(true);
      for (const code of c.sectors) expect(sectorCodes.has(code), `${c.slug}: ${code}`).toBe(true);
      for (const code of c.keywords) expect(keywordCodes.has(code), `${c.slug}: ${code}`).toBe(true);
      for (const list of [c.ecosystems, c.sectors, c.keywords, c.tags]) {
        expect(new Set(list).size, c.slug).toBe(list.length);
      }
      for (const tag of c.tags) expect(tag, c.slug).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
  });

  it("uses valid ISO country codes, targeting other countries", () => {
    for (const c of DEMO_CLUSTERS) {
      expect(isCountryCode(c.country), `${c.slug}: ${c.country}`).toBe(true);
      expect(c.targetCountries.length, c.slug).toBeGreaterThanOrEqual(1);
      expect(c.targetCountries.length, c.slug).toBeLessThanOrEqual(6);
      expect(new Set(c.targetCountries).size, c.slug).toBe(c.targetCountries.length);
      for (const t of c.targetCountries) {
        expect(isCountryCode(t), `${c.slug}: ${t}`).toBe(true);
        expect(t, c.slug).not.toBe(c.country);
      }
    }
  });

  it("has coordinates in range and a plausible founding year", () => {
    for (const c of DEMO_CLUSTERS) {
      expect(c.latitude, c.slug).toBeGreaterThanOrEqual(-90);
      expect(c.latitude, c.slug).toBeLessThanOrEqual(90);
      expect(c.longitude, c.slug).toBeGreaterThanOrEqual(-180);
      expect(c.longitude, c.slug).toBeLessThanOrEqual(180);
      expect(c.yearFounded, c.slug).toBeGreaterThanOrEqual(1990);
      expect(c.yearFounded, c.slug).toBeLessThanOrEqual(2022);
    }
  });

  it("has invented web addresses and e-mails on the reserved .example domain", () => {
    for (const c of DEMO_CLUSTERS) {
      expect(c.website, c.slug).toBe(`https://${c.slug}.example`);
      expect(c.contact.email, c.slug).toMatch(new RegExp(`^[a-z0-9._-]+@${c.slug.replace(/-/g, "\\-")}\\.example$`));
      expect(c.contact.name.trim().length, c.slug).toBeGreaterThan(0);
      expect(c.contact.role.trim().length, c.slug).toBeGreaterThan(0);
    }
  });

  it("has English and Russian descriptions, offers and seeks", () => {
    for (const c of DEMO_CLUSTERS) {
      expect(c.descriptionEn.length, c.slug).toBeGreaterThan(80);
      expect(CYRILLIC.test(c.descriptionEn), c.slug).toBe(false);
      expect(CYRILLIC.test(c.descriptionRu), c.slug).toBe(true);
      expect(c.descriptionRu.length, c.slug).toBeGreaterThan(80);
      expect(c.offers.length, c.slug).toBeGreaterThan(20);
      expect(c.seeks.length, c.slug).toBeGreaterThan(20);
      expect(CYRILLIC.test(c.offers) || CYRILLIC.test(c.seeks), c.slug).toBe(false);
    }
  });

  it("has plausible members, staff and levels", () => {
    for (const c of DEMO_CLUSTERS) {
      const counts = Object.values(c.members);
      for (const n of counts) {
        expect(Number.isInteger(n) && n >= 0, c.slug).toBe(true);
      }
      const total = counts.reduce((a, b) => a + b, 0);
      expect(total, c.slug).toBeLessThanOrEqual(1000);
      expect(c.members.sme, c.slug).toBeGreaterThanOrEqual(Math.max(...counts.filter((_, i) => i > 0)));
      expect(c.managementFte, c.slug).toBeGreaterThan(0);
      expect(c.managementFte, c.slug).toBeLessThanOrEqual(25);
      if (c.status !== "DRAFT") {
        expect(total, c.slug).toBeGreaterThanOrEqual(15);
        expect(counts.filter((n) => n > 0).length, c.slug).toBeGreaterThanOrEqual(2);
        expect(c.managementFte, c.slug).toBeGreaterThanOrEqual(0.5);
      }
      expect([1, 2, 3, 4]).toContain(c.internationalisationLevel);
    }
  });

  it("has the expected mix of statuses and labels", () => {
    const status = (s: string) => DEMO_CLUSTERS.filter((c) => c.status === s).length;
    expect(status("APPROVED")).toBeGreaterThanOrEqual(50);
    expect(status("PENDING")).toBeGreaterThanOrEqual(5);
    expect(status("DRAFT")).toBeGreaterThanOrEqual(3);
    const label = (l: string) => DEMO_CLUSTERS.filter((c) => c.label === l).length;
    expect(label("GOLD")).toBeGreaterThanOrEqual(2);
    expect(label("GOLD")).toBeLessThan(label("SILVER"));
    expect(label("SILVER")).toBeLessThan(label("NONE") + label("BRONZE"));
  });

  // Complementary pairs for the matchmaking demo: the offer of the first
  // (approved, so public) shares a phrase with the need of the second, in
  // another country.
  const PAIRS: [offering: string, seeking: string, phrase: string][] = [
    ["oresund-biobridge-cluster", "deccan-ai-health-cluster", "clinical-trial network"],
    ["deccan-ai-health-cluster", "oresund-biobridge-cluster", "machine-learning"],
    ["carmel-digital-health-cluster", "oresund-biobridge-cluster", "machine-learning"],
    ["jutland-medtech-collective", "carmel-digital-health-cluster", "hospital testbeds"],
    ["jutland-medtech-collective", "suruga-medical-devices-cluster", "clinical validation"],
    ["suruga-medical-devices-cluster", "jutland-medtech-collective", "medical devices"],
    ["apuan-marble-stone-cluster", "kishangarh-marble-granite", "stone processing technology"],
    ["minho-textile-fashion-cluster", "arno-valley-leather-fashion", "circular economy"],
    ["negev-agriwater-cluster", "chianti-hills-wine-cluster", "precision agriculture"],
    ["gyeonggi-semiconductor-components", "amazonas-electronics-cluster", "semiconductor"],
    ["granite-city-energy-transition", "macae-offshore-supply-chain", "subsea robotics"],
    ["macae-offshore-supply-chain", "granite-city-energy-transition", "oil and gas supply chain"],
    ["rhine-maas-logistics-gateway", "yiwu-commodities-export-cluster", "european distribution"],
    ["milan-design-product-network", "dongguan-consumer-electronics", "industrial design"],
    ["veluwe-agri-food-innovation", "nashik-agro-food-cluster", "food processing technology"],
    ["hordaland-aquaculture-technology", "odisha-seafood-aquaculture", "aquaculture technology"],
    ["neckar-automation-cluster", "bengaluru-precision-machining", "industry 4.0"],
    ["bengaluru-precision-machining", "neckar-automation-cluster", "precision machining"],
    ["kazan-software-cyber-cluster", "astana-digital-hub-cluster", "software development"],
    ["astana-digital-hub-cluster", "kazan-software-cyber-cluster", "market entry"],
    ["kendall-bridge-life-sciences", "oresund-biobridge-cluster", "venture investment"],
    ["straits-fintech-logistics", "nairobi-fintech-mobile-money", "fintech"],
    ["tangier-automotive-nearshoring", "auvergne-mobility-pole", "nearshoring"],
    ["atacama-green-hydrogen-mining", "basque-wind-components-cluster", "green hydrogen"],
    ["subcarpathian-aero-parts", "occitanie-aero-space-pole", "aero-structure"],
    ["peninsula-deep-tech-alliance", "carmel-digital-health-cluster", "market entry"],
  ];

  it("has at least 15 complementary pairs across countries", () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(15);
    for (const [offering, seeking, phrase] of PAIRS) {
      const a = bySlug.get(offering);
      const b = bySlug.get(seeking);
      expect(a, offering).toBeDefined();
      expect(b, seeking).toBeDefined();
      if (!a || !b) continue;
      expect(a.country, `${offering} / ${seeking}`).not.toBe(b.country);
      expect(a.status, offering).toBe("APPROVED");
      expect(b.status, seeking).toBe("APPROVED");
      const what = `${offering} offers / ${seeking} seeks "${phrase}"`;
      expect(a.offers.toLowerCase(), what).toContain(phrase);
      expect(b.seeks.toLowerCase(), what).toContain(phrase);
    }
  });
});
