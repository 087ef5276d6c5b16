"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

import type { WorldMapData } from "./world-map-geometry";

export interface MapCanvasCountry {
  code: string;
  /** "Denmark: 3 clusters", in the user's language: the link's accessible name and tooltip. */
  label: string;
  /** Where choosing the country leads (the table, filtered by it). */
  href: string;
  /** A fill-* class of the count's class (directory-map.tsx). */
  fill: string;
}

// The geometry is fetched once per browser session and shared by every map drawn.
let geometry: Promise<WorldMapData> | undefined;
function loadGeometry(): Promise<WorldMapData> {
  geometry ??= import("./world-map-paths.json").then((module) => module.default as WorldMapData);
  // A failed download (offline) may be retried by the next map.
  geometry.catch(() => {
    geometry = undefined;
  });
  return geometry;
}

const VIEW_BOX = "0 0 960 470";

/**
 * The world map itself. The country outlines (69 kB of pre-projected SVG
 * paths, world-map-paths.json) are a separate static chunk of the browser
 * bundle, content-hashed and cached for good, loaded only when a map is
 * shown: no HTML page carries them and the server draws nothing per request.
 * Countries with results are links (focusable, named "Country: N clusters");
 * the others are drawn grey and hidden from assistive technology. Until the
 * outlines arrive, an empty frame of the same size holds the place; the list
 * of countries under the map (server-rendered) is the text alternative and
 * works without JavaScript.
 */
export function DirectoryMapCanvas({ countries, labelledBy, describedBy }: { countries: MapCanvasCountry[]; labelledBy: string; describedBy: string }) {
  const [map, setMap] = useState<WorldMapData | null>(null);

  useEffect(() => {
    let isCurrent = true;
    loadGeometry().then(
      (data) => {
        if (isCurrent) setMap(data);
      },
      () => {
        // Offline or a failed chunk: the list of countries below the map still works.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  const byCode = new Map(countries.map((c) => [c.code, c]));

  return (
    <svg
      viewBox={map ? `0 0 ${map.width} ${map.height}` : VIEW_BOX}
      role="group"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-busy={map ? undefined : true}
      className="mt-3 h-auto w-full"
    >
      {map ? (
        <>
          <g className="fill-slate-200 stroke-white" strokeWidth={0.5} aria-hidden="true">
            {map.shapes.map(([code, d], i) =>
              code && byCode.has(code) ? null : <path key={`${code ?? "x"}-${i}`} d={d} />,
            )}
          </g>
          <g className="stroke-white" strokeWidth={0.5}>
            {map.shapes.map(([code, d], i) => {
              const country = code ? byCode.get(code) : undefined;
              if (!country) return null;
              return (
                <Link
                  key={`${code}-${i}`}
                  href={country.href}
                  prefetch={false}
                  aria-label={country.label}
                  className="outline-none [&:focus-visible>path]:stroke-brand-950 [&:focus-visible>path]:[stroke-width:2.5] [&:hover>path]:stroke-brand-950 [&:hover>path]:[stroke-width:1.5]"
                >
                  <title>{country.label}</title>
                  <path d={d} className={`${country.fill} transition-colors`} />
                </Link>
              );
            })}
          </g>
        </>
      ) : (
        <rect width="100%" height="100%" rx="8" className="fill-slate-50" />
      )}
    </svg>
  );
}
