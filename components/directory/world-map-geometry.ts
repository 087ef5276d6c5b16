import "server-only";

import { geoNaturalEarth1, geoPath } from "d3-geo";
import countries from "i18n-iso-countries";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface CountryShape {
  /** ISO 3166-1 alpha-2, or null for shapes without one (N. Cyprus, Somaliland, Kosovo in this atlas). */
  code: string | null;
  d: string;
}

let shapes: CountryShape[] | undefined;

/**
 * The world's country outlines as SVG path data, projected once per server
 * process (Natural Earth projection, Antarctica left out) from the bundled
 * world-atlas TopoJSON: no tiles, no network, and nothing big shipped to the
 * browser: the page gets only the path strings.
 */
export function worldCountryShapes(): CountryShape[] {
  if (shapes) return shapes;
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
  const path = geoPath(projection).digits(1);
  shapes = features.flatMap((f) => {
    const d = path(f);
    if (!d) return [];
    const code = f.id === undefined ? null : (countries.numericToAlpha2(String(f.id)) ?? null);
    return [{ code, d }];
  });
  return shapes;
}
