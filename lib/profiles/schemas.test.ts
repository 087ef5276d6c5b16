import { describe, expect, it } from "vitest";
import { ZProfileSchema, type TProfileSchema } from "./schemas";

/** What the editor sends for a filled-in profile: strings from inputs, arrays from checkbox groups. */
const valid: TProfileSchema = {
  orgSlug: "medicon",
  version: "3",
  name: "Medicon Valley Alliance",
  country: "dk",
  acronym: "MVA",
  region: "Capital Region",
  city: "Copenhagen",
  latitude: "55.6761",
  longitude: "12,5683",
  yearFounded: "1997",
  website: "https://mva.example",
  contactName: "Anna Lindqvist",
  contactRole: "International relations",
  contactEmail: "Anna@MVA.example",
  descriptionEn: "  Life science cluster.  ",
  descriptionRu: "",
  offers: "Test beds",
  seeks: "Partners",
  ecosystems: ["health"],
  sectors: ["C", "M"],
  keywords: ["biotechnology"],
  tags: ["  Organoids "],
  membersSme: "250",
  membersLarge: "20",
  membersResearch: "8",
  membersUniversity: "5",
  membersPublic: "3",
  membersOther: "0",
  managementFte: "4,5",
  label: "GOLD",
  targetCountries: ["se", "US"],
  internationalisationLevel: "3",
  supportProgrammes: "",
};

function errorsOf(input: Record<string, unknown>) {
  const result = ZProfileSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("ZProfileSchema", () => {
  it("coerces the form's strings into the stored types", () => {
    const out = ZProfileSchema.parse(valid);
    expect(out).toMatchObject({
      version: 3,
      country: "DK",
      latitude: 55.6761,
      longitude: 12.5683, // a decimal comma is accepted
      yearFounded: 1997,
      contactEmail: "anna@mva.example",
      descriptionEn: "Life science cluster.",
      descriptionRu: "",
      tags: ["organoids"],
      membersSme: 250,
      managementFte: 4.5,
      targetCountries: ["SE", "US"],
      internationalisationLevel: 3,
      supportProgrammes: "",
    });
  });

  it("treats empty optional fields as not given (null), not as 0", () => {
    const out = ZProfileSchema.parse({
      ...valid,
      acronym: "",
      region: "  ",
      latitude: "",
      longitude: Number.NaN,
      yearFounded: "",
      website: "",
      contactEmail: "",
      internationalisationLevel: "",
    });
    expect(out).toMatchObject({
      acronym: null,
      region: null,
      latitude: null,
      longitude: null,
      yearFounded: null,
      website: null,
      contactEmail: null,
      internationalisationLevel: null,
    });
  });

  it("parses its own output again to the same value (the action re-parses what the form parsed)", () => {
    const once = ZProfileSchema.parse({ ...valid, website: "", contactEmail: "", latitude: "", internationalisationLevel: "" });
    expect(ZProfileSchema.parse(once)).toEqual(once);
  });

  it.each([
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["JavaScript:alert(1)"],
    ["ftp://files.example.org"],
    ["mva.example"],
    ["https://"],
    ["https://localhost"],
    [`https://example.org/${"a".repeat(300)}`],
  ])("refuses the website %s", (website) => {
    expect(errorsOf({ ...valid, website }).website).toMatch(/^profiles\.errors\.(website|tooLong)$/);
  });

  it("accepts http and https websites", () => {
    expect(ZProfileSchema.parse({ ...valid, website: "http://cluster.example.org/about?x=1" }).website).toBe(
      "http://cluster.example.org/about?x=1",
    );
  });

  it.each([
    ["membersSme", "-1", "profiles.errors.notNegative"],
    ["membersLarge", "2.5", "profiles.errors.wholeNumber"],
    ["membersResearch", "lots", "profiles.errors.wholeNumber"],
    ["membersOther", "1000001", "profiles.errors.tooLarge"],
    ["managementFte", "-0.5", "profiles.errors.notNegative"],
    ["managementFte", "1000", "profiles.errors.tooLarge"],
    ["managementFte", "abc", "profiles.errors.number"],
    ["latitude", "90.1", "profiles.errors.latitude"],
    ["latitude", "north", "profiles.errors.latitude"],
    ["longitude", "-180.5", "profiles.errors.longitude"],
    ["yearFounded", "1799", "profiles.errors.year"],
    ["yearFounded", String(new Date().getFullYear() + 1), "profiles.errors.year"],
    ["yearFounded", "1999.5", "profiles.errors.year"],
    ["internationalisationLevel", "5", "profiles.errors.level"],
    ["internationalisationLevel", "0", "profiles.errors.level"],
    ["label", "PLATINUM", "profiles.errors.invalidCode"],
    ["contactEmail", "not-an-address", "auth.email.invalid"],
    ["country", "XX", "orgs.country.invalid"],
    ["name", "A", "orgs.name.tooShort"],
  ])("refuses %s = %s", (field, value, message) => {
    expect(errorsOf({ ...valid, [field]: value })[field]).toBe(message);
  });

  it.each([
    ["acronym", 30],
    ["region", 120],
    ["city", 120],
    ["contactName", 120],
    ["contactRole", 120],
    ["descriptionEn", 5000],
    ["descriptionRu", 5000],
    ["offers", 1000],
    ["seeks", 1000],
    ["supportProgrammes", 1000],
  ])("limits %s to %i characters", (field, max) => {
    expect(errorsOf({ ...valid, [field]: "x".repeat(max) })[field]).toBeUndefined();
    expect(errorsOf({ ...valid, [field]: "x".repeat(max + 1) })[field]).toBe("profiles.errors.tooLong");
  });

  it("limits the lists and the tags", () => {
    expect(errorsOf({ ...valid, ecosystems: Array.from({ length: 15 }, (_, i) => `e${i}`) }).ecosystems).toBe("profiles.errors.tooMany");
    expect(errorsOf({ ...valid, keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }).keywords).toBe("profiles.errors.tooMany");
    expect(errorsOf({ ...valid, tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }).tags).toBe("profiles.errors.tooMany");
    expect(errorsOf({ ...valid, targetCountries: ["DK", "ZZ"] })["targetCountries.1"]).toBe("orgs.country.invalid");
    expect(errorsOf({ ...valid, tags: ["x"] })["tags.0"]).toBe("profiles.errors.tag");
    expect(errorsOf({ ...valid, tags: ["y".repeat(41)] })["tags.0"]).toBe("profiles.errors.tag");
    expect(errorsOf({ ...valid, ecosystems: ["<script>"] })["ecosystems.0"]).toBe("profiles.errors.invalidCode");
  });

  it("keeps HTML in text fields as text (escaping is the renderer's job) and drops NUL, which PostgreSQL refuses", () => {
    const out = ZProfileSchema.parse({ ...valid, descriptionEn: "<script>alert(1)</script>\u0000ok" });
    expect(out.descriptionEn).toBe("<script>alert(1)</script>ok");
  });

  it("refuses wrong types with an issue rather than an exception", () => {
    const result = ZProfileSchema.safeParse({ ...valid, ecosystems: "health", tags: [1], descriptionEn: { x: 1 }, version: "abc" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["ecosystems", "tags", "descriptionEn", "version"]));
  });
});
