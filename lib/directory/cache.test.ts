import { describe, expect, it } from "vitest";
import { VersionedCache } from "./cache";

describe("VersionedCache", () => {
  it("answers a value only for the version it was stored under", () => {
    const cache = new VersionedCache<string>();
    cache.set("q", "7", "answer");
    expect(cache.get("q", "7")).toBe("answer");
    expect(cache.get("q", "8")).toBeUndefined();
    expect(cache.get("q", null)).toBeUndefined();
    expect(cache.get("other", "7")).toBeUndefined();
  });

  it("stores nothing without a version", () => {
    const cache = new VersionedCache<string>();
    cache.set("q", null, "answer");
    expect(cache.size).toBe(0);
  });

  it("drops the least recently used entry beyond its size", () => {
    const cache = new VersionedCache<number>(2);
    cache.set("a", "1", 1);
    cache.set("b", "1", 2);
    expect(cache.get("a", "1")).toBe(1); // a is now the most recent
    cache.set("c", "1", 3);
    expect(cache.get("b", "1")).toBeUndefined();
    expect(cache.get("a", "1")).toBe(1);
    expect(cache.get("c", "1")).toBe(3);
    expect(cache.size).toBe(2);
  });
});
