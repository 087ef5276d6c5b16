import { describe, it, expect } from "vitest";
import {
  defaultLocale,
  isLocale,
  locales,
  matchLocale,
  parseAcceptLanguage,
  resolveLocale,
} from "./locale";

describe("locales", () => {
  it("supports English and Russian with English as the default", () => {
    expect(locales).toEqual(["en", "ru"]);
    expect(defaultLocale).toBe("en");
  });

  it("recognises only supported locale codes", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("ru")).toBe(true);
    expect(isLocale("RU")).toBe(false);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(isLocale(42)).toBe(false);
  });
});

describe("matchLocale", () => {
  it("matches exact codes and region tags case-insensitively", () => {
    expect(matchLocale("ru")).toBe("ru");
    expect(matchLocale("ru-RU")).toBe("ru");
    expect(matchLocale("RU-ua")).toBe("ru");
    expect(matchLocale("en_GB")).toBe("en");
    expect(matchLocale(" en-us ")).toBe("en");
  });

  it("returns undefined for unsupported or empty tags", () => {
    expect(matchLocale("fr-FR")).toBeUndefined();
    expect(matchLocale("")).toBeUndefined();
    expect(matchLocale(null)).toBeUndefined();
    expect(matchLocale("r")).toBeUndefined();
    expect(matchLocale("rus")).toBeUndefined();
  });
});

describe("parseAcceptLanguage", () => {
  it("orders tags by q-value, keeping header order for ties", () => {
    expect(parseAcceptLanguage("fr;q=0.5, ru-RU, ru;q=0.9, en;q=0.9")).toEqual([
      "ru-RU",
      "ru",
      "en",
      "fr",
    ]);
  });

  it("drops q=0, wildcards and malformed entries", () => {
    expect(parseAcceptLanguage("ru;q=0, *;q=0.1, en;q=abc, de;q=2, fr;q=0.3")).toEqual(["fr"]);
    expect(parseAcceptLanguage("<script>, en")).toEqual(["en"]);
  });

  it("handles empty and missing headers", () => {
    expect(parseAcceptLanguage("")).toEqual([]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it("caps the number of entries it looks at", () => {
    const header = Array.from({ length: 1000 }, () => "fr").join(",") + ",ru";
    expect(parseAcceptLanguage(header)).not.toContain("ru");
  });
});

describe("resolveLocale", () => {
  it("falls back to English with no signal at all", () => {
    expect(resolveLocale({})).toBe("en");
    expect(resolveLocale({ userLocale: null, cookieLocale: null, acceptLanguage: null })).toBe("en");
  });

  it("uses Accept-Language with region tags and q-values", () => {
    expect(resolveLocale({ acceptLanguage: "ru-RU,ru;q=0.9" })).toBe("ru");
    expect(resolveLocale({ acceptLanguage: "en-US,en;q=0.9,ru;q=0.8" })).toBe("en");
    expect(resolveLocale({ acceptLanguage: "en;q=0.4, ru;q=0.8" })).toBe("ru");
  });

  it("skips unsupported languages to reach a supported one", () => {
    expect(resolveLocale({ acceptLanguage: "de-DE,de;q=0.9,ru;q=0.5,en;q=0.3" })).toBe("ru");
    expect(resolveLocale({ acceptLanguage: "de-DE,fr;q=0.9" })).toBe("en");
  });

  it("prefers the cookie over Accept-Language", () => {
    expect(resolveLocale({ cookieLocale: "ru", acceptLanguage: "en-US" })).toBe("ru");
    expect(resolveLocale({ cookieLocale: "en", acceptLanguage: "ru-RU" })).toBe("en");
  });

  it("ignores an invalid cookie and carries on", () => {
    expect(resolveLocale({ cookieLocale: "xx", acceptLanguage: "ru" })).toBe("ru");
    expect(resolveLocale({ cookieLocale: "", acceptLanguage: "ru" })).toBe("ru");
  });

  it("prefers the signed-in user's saved choice over everything", () => {
    expect(resolveLocale({ userLocale: "ru", cookieLocale: "en", acceptLanguage: "en" })).toBe("ru");
    expect(resolveLocale({ userLocale: "en", cookieLocale: "ru", acceptLanguage: "ru" })).toBe("en");
  });

  it("ignores an unsupported saved choice", () => {
    expect(resolveLocale({ userLocale: "fr", cookieLocale: "ru" })).toBe("ru");
  });
});
