import { geoNaturalEarth1, geoPath, type GeoContext } from "d3-geo";
import countries from "i18n-iso-countries";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

/**
 * The world map's country outlines, projected ONCE, at development time,
 * from the bundled world-atlas TopoJSON (Natural Earth projection,
 * Antarctica left out) into SVG path data, kept in world-map-paths.json.
 * The app never runs this: the map (directory-map-canvas.tsx) loads that
 * file as a separate static chunk of the browser bundle (content-hashed,
 * cached for good) when the map view is opened, so no page carries the
 * geometry and no request projects it. world-map-geometry.test.ts fails when
 * the file no longer matches this function; `npx vitest run
 * components/directory/world-map-geometry.test.ts --update` writes it again.
 *
 * Paths use relative commands on a 0.1-unit grid (rounded absolute points,
 * then differences, so no error accumulates): 69 kB instead of 113 kB of
 * absolute coordinates (24 kB instead of 40 kB gzipped).
 */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** [ISO 3166-1 alpha-2 code or null (N. Cyprus, Somaliland, Kosovo in this atlas), SVG path data]. */
export type WorldMapShape = [code: string | null, d: string];

export interface WorldMapData {
  width: number;
  height: number;
  shapes: WorldMapShape[];
}

/** A d3-geo path context (GeoContext) that writes compact relative SVG commands. */
class RelativePath implements GeoContext {
  private out = "";
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  private last = "";
  /** Where the current ring started in `out`, and the point before it (to drop a ring that rounds to one point). */
  private ringStart = { length: 0, x: 0, y: 0 };

  private static grid(v: number): number {
    return Math.round(v * 10);
  }

  private static number(tenths: number): string {
    // ".5" and "-.5" instead of "0.5" and "-0.5".
    return (tenths / 10).toString().replace(/^(-?)0\./, "$1.");
  }

  private pair(dx: number, dy: number): string {
    const a = RelativePath.number(dx);
    const b = RelativePath.number(dy);
    return a + (b.startsWith("-") ? "" : ",") + b;
  }

  moveTo(x: number, y: number): void {
    const gx = RelativePath.grid(x);
    const gy = RelativePath.grid(y);
    this.ringStart = { length: this.out.length, x: this.x, y: this.y };
    this.out += `m${this.pair(gx - this.x, gy - this.y)}`;
    this.x = this.startX = gx;
    this.y = this.startY = gy;
    this.last = "m";
  }

  lineTo(x: number, y: number): void {
    const gx = RelativePath.grid(x);
    const gy = RelativePath.grid(y);
    if (gx === this.x && gy === this.y) return;
    const pair = this.pair(gx - this.x, gy - this.y);
    // Repeated line commands share one letter; a minus sign separates numbers by itself.
    this.out += this.last === "l" ? (pair.startsWith("-") ? pair : ` ${pair}`) : `l${pair}`;
    this.x = gx;
    this.y = gy;
    this.last = "l";
  }

  closePath(): void {
    if (this.last === "m") {
      // A ring that rounds to a single point draws nothing: leave it out.
      this.out = this.out.slice(0, this.ringStart.length);
      this.x = this.ringStart.x;
      this.y = this.ringStart.y;
      this.last = "z";
      return;
    }
    this.out += "z";
    this.x = this.startX;
    this.y = this.startY;
    this.last = "z";
  }

  beginPath(): void {
    // Every ring starts with moveTo; nothing to do.
  }

  arc(): void {
    // Only used for point geometries, which the atlas does not have.
  }

  toString(): string {
    return this.out;
  }
}

export function projectWorldMap(): WorldMapData {
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const features = collection.features.filter((f) => f.id !== "010");
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: "FeatureCollection", features },
  );
  const shapes = features.flatMap((f): WorldMapShape[] => {
    const context = new RelativePath();
    geoPath(projection, context)(f);
    const d = context.toString();
    if (!d) return [];
    const code = f.id === undefined ? null : (countries.numericToAlpha2(String(f.id)) ?? null);
    return [[code, d]];
  });
  return { width: MAP_WIDTH, height: MAP_HEIGHT, shapes };
}
