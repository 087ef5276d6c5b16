import { describe, expect, it } from "vitest";
import { PICTURE, RING_RADIUS, layoutNetwork, shortName, type PictureInput } from "./network-layout";

const partner = (id: string, country: string, tie: PictureInput["tie"]): PictureInput => ({ id, name: `Cluster ${id}`, country, tie });
const distance = (p: { x: number; y: number }) => Math.hypot(p.x - PICTURE.cx, p.y - PICTURE.cy);

describe("layoutNetwork", () => {
  it("puts stronger ties nearer the centre and draws one, two or three strokes", () => {
    const { partners } = layoutNetwork([partner("w", "FR", "WEAK"), partner("d", "FR", "DURABLE"), partner("c", "DE", "COVALENT")]);
    const byId = Object.fromEntries(partners.map((p) => [p.id, p]));
    expect(distance(byId.c!)).toBeCloseTo(RING_RADIUS.COVALENT, 0);
    expect(distance(byId.d!)).toBeCloseTo(RING_RADIUS.DURABLE, 0);
    expect(distance(byId.w!)).toBeCloseTo(RING_RADIUS.WEAK, 0);
    expect(byId.w!.strokes).toHaveLength(1);
    expect(byId.d!.strokes).toHaveLength(2);
    expect(byId.c!.strokes).toHaveLength(3);
  });

  it("keeps a country's partners in one contiguous sector, the largest country first from the top", () => {
    const input = [partner("1", "SE", "WEAK"), partner("2", "DE", "WEAK"), partner("3", "DE", "WEAK"), partner("4", "SE", "WEAK"), partner("5", "DE", "WEAK")];
    const { partners, sectors } = layoutNetwork(input);
    expect(partners.map((p) => p.country)).toEqual(["DE", "DE", "DE", "SE", "SE"]);
    expect(sectors).toHaveLength(2);
    for (const p of partners) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(PICTURE.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(PICTURE.height);
    }
  });

  it("labels partners when few, and countries instead when many", () => {
    const few = layoutNetwork([partner("a", "FR", "WEAK")]);
    expect(few.partners[0]?.label).not.toBeNull();
    expect(few.countries).toEqual([]);
    const many = layoutNetwork(Array.from({ length: 30 }, (_, i) => partner(String(i), i % 2 ? "FR" : "IT", "WEAK")));
    expect(many.partners.every((p) => p.label === null)).toBe(true);
    expect(many.countries.map((c) => [c.country, c.count])).toEqual([
      ["FR", 15],
      ["IT", 15],
    ]);
  });

  it("draws nothing for no partners", () => {
    expect(layoutNetwork([])).toEqual({ partners: [], countries: [], sectors: [] });
  });
});

describe("shortName", () => {
  it("shortens long names with an ellipsis", () => {
    expect(shortName("Medicon Valley Alliance", 10)).toBe("Medicon V…");
    expect(shortName("Short", 10)).toBe("Short");
  });
});
