import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { cn } from "@/lib/utils/cn";
import { DirectoryMapCanvas, type MapCanvasCountry } from "./directory-map-canvas";

export interface MapCountry {
  code: string;
  name: string;
  count: number;
  /** Where choosing the country leads (the table, filtered by it). */
  href: string;
}

// Literal class names so Tailwind generates them: light to dark brand colours.
const FILLS = ["fill-brand-100", "fill-brand-300", "fill-brand-500", "fill-brand-700", "fill-brand-900"] as const;
const SWATCHES = ["bg-brand-100", "bg-brand-300", "bg-brand-500", "bg-brand-700", "bg-brand-900"] as const;
const MAX_CLASSES = FILLS.length;

/**
 * Upper bounds of up to five classes on a logarithmic scale (a few countries
 * hold most clusters; equal steps would leave the rest nearly white).
 */
export function countClasses(max: number): number[] {
  if (max < 1) return [];
  const k = Math.min(MAX_CLASSES, max);
  const bounds: number[] = [];
  for (let i = 1; i <= k; i++) {
    const bound = i === k ? max : Math.round(max ** (i / k));
    const previous = bounds.at(-1) ?? 0;
    if (bound > previous) bounds.push(Math.min(bound, max));
  }
  if (bounds.at(-1) !== max) bounds.push(max);
  return bounds;
}

function paletteIndex(classIndex: number, classCount: number): number {
  if (classCount <= 1) return 3;
  return Math.round((classIndex * (MAX_CLASSES - 1)) / (classCount - 1));
}

/**
 * The results per country on a world map. The outlines are drawn in the
 * browser from a static, cached chunk (directory-map-canvas.tsx); this server
 * part sends only the countries with results (name, count, link, colour
 * class), the legend, and the same links as a list: the text alternative for
 * screen readers, keyboard users who prefer text, and browsers without
 * JavaScript.
 */
export async function DirectoryMap({ countries }: { countries: MapCountry[] }) {
  const t = await getTranslations("Directory");
  const format = await getFormatter();
  const withResults = countries.filter((c) => c.count > 0);
  const max = Math.max(0, ...withResults.map((c) => c.count));
  const bounds = countClasses(max);
  const fillOf = (count: number) => {
    const i = bounds.findIndex((b) => count <= b);
    return FILLS[paletteIndex(i, bounds.length)]!;
  };
  const onMap: MapCanvasCountry[] = withResults.map((c) => ({
    code: c.code,
    label: t("mapCountryLink", { country: c.name, count: c.count }),
    href: c.href,
    fill: fillOf(c.count),
  }));

  return (
    <section aria-labelledby="directory-map-title" className="flex flex-col gap-4">
      <div className="rounded-card border border-line bg-surface p-3 shadow-xs sm:p-4">
        <h2 id="directory-map-title" className="text-base font-semibold text-ink">
          {t("mapTitle")}
        </h2>
        <p id="directory-map-description" className="mt-1 text-sm text-muted">
          {withResults.length > 0 ? t("mapDescription") : t("mapEmpty")}
        </p>
        <DirectoryMapCanvas countries={onMap} labelledBy="directory-map-title" describedBy="directory-map-description" />

        {bounds.length > 0 ? (
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted">
            <span className="font-medium text-ink">{t("mapLegend")}</span>
            <ul className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <li className="flex items-center gap-1.5">
                <span aria-hidden="true" className="inline-block size-3.5 rounded-sm bg-slate-200" />
                {t("mapLegendNone")}
              </li>
              {bounds.map((upper, i) => {
                const lower = i === 0 ? 1 : bounds[i - 1]! + 1;
                return (
                  <li key={upper} className="flex items-center gap-1.5">
                    <span
                      aria-hidden="true"
                      className={cn("inline-block size-3.5 rounded-sm", SWATCHES[paletteIndex(i, bounds.length)])}
                    />
                    {lower === upper ? format.number(upper) : `${format.number(lower)}–${format.number(upper)}`}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>

      {withResults.length > 0 ? (
        <section aria-labelledby="directory-map-list-title" className="rounded-card border border-line bg-surface p-4 shadow-xs">
          <h3 id="directory-map-list-title" className="text-sm font-semibold text-ink">
            {t("mapListTitle")}
          </h3>
          <ul className="mt-3 grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {withResults.map((c) => (
              <li key={c.code} className="flex items-baseline justify-between gap-3 border-b border-line/60 pb-1">
                <Link href={c.href} prefetch={false} className="text-brand-800 underline-offset-2 hover:text-brand-950 hover:underline">
                  {c.name}
                </Link>
                <span className="shrink-0 whitespace-nowrap text-muted tabular-nums">{t("facetCount", { count: c.count })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
