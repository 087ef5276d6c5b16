import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/orgs", "/orgs"],
    ["/o/medicon/members?page=2#list", "/o/medicon/members?page=2#list"],
    ["/account", "/account"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    42,
    ["/orgs"],
    "",
    "orgs",
    "https://evil.example/orgs",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    `/${"a".repeat(3000)}`,
  ])("falls back to /orgs for %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/orgs");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("https://evil.example", "/account")).toBe("/account");
  });
});
