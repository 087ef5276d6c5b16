import { describe, expect, it } from "vitest";
import { projectWorldMap } from "./world-map-geometry";
import stored from "./world-map-paths.json";

describe("the world map's geometry", () => {
  const map = projectWorldMap();

  it("is stored pre-projected in world-map-paths.json (run with -u after changing the projection)", async () => {
    await expect(`${JSON.stringify(map)}\n`).toMatchFileSnapshot("./world-map-paths.json");
  });

  it("has a shape for the countries of the directory, with compact relative path data", () => {
    const codes = new Set(map.shapes.map(([code]) => code));
    for (const code of ["DE", "FR", "DK", "RU", "US", "CN", "IN", "BR", "AU", "ZA"]) expect(codes, code).toContain(code);
    expect(codes).not.toContain("AQ"); // Antarctica is left out
    for (const [, d] of map.shapes) {
      expect(d).toMatch(/^m[-\d.,]+l/);
      expect(d).toMatch(/^[mlz\d.,\s-]+$/);
    }
    expect(stored.shapes.length).toBe(map.shapes.length);
  });

  it("draws the same outline as absolute coordinates would (Denmark's first ring, to 0.1 units)", () => {
    const [, d] = map.shapes.find(([code]) => code === "DK")!;
    // Walk the relative commands back to absolute points: every point stays on the map.
    const numbers = d.split(/z|m|l/).filter(Boolean).flatMap((part) => part.match(/-?(?:\d+\.?\d*|\.\d+)/g)!.map(Number));
    expect(numbers.length % 2).toBe(0);
    let x = 0;
    let y = 0;
    const first = d.split("z")[0]!;
    const ring = first.match(/-?(?:\d+\.?\d*|\.\d+)/g)!.map(Number);
    for (let i = 0; i < ring.length; i += 2) {
      x += ring[i]!;
      y += ring[i + 1]!;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(map.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(map.height);
    }
    // Denmark lies in the northern half, a little right of the middle.
    expect(x).toBeGreaterThan(map.width / 2);
    expect(y).toBeLessThan(map.height / 2);
  });
});
