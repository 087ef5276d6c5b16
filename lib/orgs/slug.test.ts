import { describe, expect, it } from "vitest";
import { isValidSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Medicon Valley Alliance", "medicon-valley-alliance"],
    ["Pôle Véhicule du Futur", "pole-vehicule-du-futur"],
    ["Кластер «Нанотехнологии» Москвы", "klaster-nanotekhnologii-moskvy"],
    ["  --Agro & Food!! ", "agro-food"],
    ["东莞", ""],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe("isValidSlug", () => {
  it.each(["medicon-valley", "a1", "x"])("accepts %s", (slug) => expect(isValidSlug(slug)).toBe(true));
  it.each(["", "-a", "a-", "A", "a--b", "new", "admin", "a".repeat(61), "a b", "é"])("refuses %s", (slug) =>
    expect(isValidSlug(slug)).toBe(false),
  );
});
