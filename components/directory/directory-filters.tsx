"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";
import { DIRECTORY_FORM_ID, useDirectoryNavigation } from "./use-directory-navigation";

export const FILTER_KINDS = ["country", "ecosystem", "sector", "label", "size", "level"] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

export interface FilterOption {
  value: string;
  /** Already in the user's language. */
  label: string;
  count: number;
  selected: boolean;
}

export interface DirectoryFiltersProps {
  groups: Record<FilterKind, FilterOption[]>;
  targetsCountry: string;
  countryOptions: { code: string; name: string }[];
  /** Kept as they are (no control for them here). */
  regions: string[];
  perPage: string | null;
  view: "table" | "map";
  activeCount: number;
  clearHref: string | null;
}

/** Long lists (countries, ecosystems, sectors) hide values nothing would match; short fixed ones show them greyed. */
const HIDES_EMPTY: Record<FilterKind, boolean> = {
  country: true,
  ecosystem: true,
  sector: true,
  label: false,
  size: false,
  level: false,
};

const LEGENDS = {
  country: "facetCountry",
  ecosystem: "facetEcosystem",
  sector: "facetSector",
  label: "facetLabel",
  size: "facetSize",
  level: "facetLevel",
} as const;

function selectionOf(groups: Record<FilterKind, FilterOption[]>): Record<FilterKind, string[]> {
  return Object.fromEntries(
    FILTER_KINDS.map((kind) => [kind, groups[kind].filter((o) => o.selected).map((o) => o.value)]),
  ) as Record<FilterKind, string[]>;
}

/**
 * The filter panel and the directory's one GET form. AND across kinds, OR
 * within a kind (checkboxes of one name). With JavaScript a change applies at
 * once (router.push, so the back button undoes it); without, "Apply filters"
 * submits the form.
 */
export function DirectoryFilters({
  groups,
  targetsCountry,
  countryOptions,
  regions,
  perPage,
  view,
  activeCount,
  clearHref,
}: DirectoryFiltersProps) {
  const t = useTranslations("Directory");
  const format = useFormatter();
  const { apply, isPending } = useDirectoryNavigation();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const targetsId = useId();
  const targetsHintId = useId();

  // Checkboxes follow the URL, but flip at once when clicked (before the
  // server answers); a new URL (back button, a link) resets them.
  const fromUrl = selectionOf(groups);
  const urlKey = JSON.stringify([fromUrl, targetsCountry]);
  const [seenKey, setSeenKey] = useState(urlKey);
  const [selection, setSelection] = useState(fromUrl);
  const [targets, setTargets] = useState(targetsCountry);
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    setSelection(fromUrl);
    setTargets(targetsCountry);
  }

  // Open beside the results on wide screens; folded above them on phones.
  useEffect(() => {
    if (detailsRef.current && window.matchMedia("(max-width: 1023px)").matches && activeCount === 0) {
      detailsRef.current.open = false;
    }
    // Only on the first render: afterwards the user decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const toggle = (kind: FilterKind, value: string, checked: boolean) => {
    setSelection((current) => ({
      ...current,
      [kind]: checked ? [...current[kind], value] : current[kind].filter((v) => v !== value),
    }));
    // The browser has already flipped the box, so the form holds the new state.
    apply("push");
  };

  return (
    <form
      id={DIRECTORY_FORM_ID}
      method="get"
      action="/clusters"
      role="search"
      aria-label={t("searchLabel")}
      onSubmit={(event) => {
        event.preventDefault();
        apply("push");
      }}
    >
      {regions.map((region) => (
        <input key={region} type="hidden" name="region" value={region} />
      ))}
      {perPage ? <input type="hidden" name="perPage" value={perPage} /> : null}
      {view === "map" ? <input type="hidden" name="view" value="map" /> : null}

      <details ref={detailsRef} open className="group rounded-card border border-line bg-surface shadow-xs">
        <summary
          className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 [&::-webkit-details-marker]:hidden"
        >
          <span className="flex items-center gap-2">
            <h2 className="text-base font-semibold text-ink">{t("filtersTitle")}</h2>
            {activeCount > 0 ? (
              <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-900">
                {t("activeFilters", { count: activeCount })}
              </span>
            ) : null}
            {isPending ? (
              <span
                aria-hidden="true"
                className="size-3.5 animate-spin rounded-full border-2 border-brand-200 border-t-brand-700"
              />
            ) : null}
          </span>
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            fill="currentColor"
            className="size-5 text-muted transition-transform group-open:rotate-180"
          >
            <path
              fillRule="evenodd"
              d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
              clipRule="evenodd"
            />
          </svg>
        </summary>

        <div className="flex flex-col gap-5 border-t border-line px-4 py-4">
          {clearHref ? (
            <Link href={clearHref} className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
              {t("clearFilters")}
            </Link>
          ) : null}

          {FILTER_KINDS.map((kind) => {
            const options = groups[kind].filter((o) => !HIDES_EMPTY[kind] || o.count > 0 || o.selected);
            return (
              <fieldset key={kind} className="flex min-w-0 flex-col gap-2">
                <legend className="mb-2 text-sm font-semibold text-ink">{t(LEGENDS[kind])}</legend>
                {options.length === 0 ? (
                  <p className="text-sm text-muted">{t("facetEmpty")}</p>
                ) : (
                  <ul className={cn("flex flex-col gap-1.5", kind === "country" && "max-h-72 overflow-y-auto pe-1")}>
                    {options.map((option) => {
                      const checked = selection[kind].includes(option.value);
                      const isDead = option.count === 0 && !checked;
                      const id = `filter-${kind}-${option.value}`;
                      return (
                        <li key={option.value} className="flex items-start gap-2.5">
                          <input
                            id={id}
                            type="checkbox"
                            name={kind}
                            value={option.value}
                            checked={checked}
                            disabled={isDead}
                            onChange={(event) => toggle(kind, option.value, event.target.checked)}
                            className="mt-0.5 size-4.5 shrink-0 cursor-pointer accent-brand-700 disabled:cursor-not-allowed"
                          />
                          <label
                            htmlFor={id}
                            className={cn(
                              "flex min-w-0 flex-1 cursor-pointer justify-between gap-2 text-sm",
                              isDead ? "cursor-not-allowed text-muted/70" : "text-ink",
                            )}
                          >
                            <span className="min-w-0 break-words">{option.label}</span>
                            <span className="shrink-0 text-muted tabular-nums">{format.number(option.count)}</span>
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </fieldset>
            );
          })}

          <div className="flex flex-col gap-1.5">
            <label htmlFor={targetsId} className="text-sm font-semibold text-ink">
              {t("targetsCountry")}
            </label>
            <p id={targetsHintId} className="text-xs text-muted">
              {t("targetsCountryDescription")}
            </p>
            <div className="relative">
              <select
                id={targetsId}
                name="targetsCountry"
                value={targets}
                aria-describedby={targetsHintId}
                onChange={(event) => {
                  setTargets(event.target.value);
                  apply("push");
                }}
                className={cn(controlClasses, "h-10 appearance-none pe-9")}
              >
                <option value="">{t("targetsCountryAny")}</option>
                {countryOptions.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                fill="currentColor"
                className="pointer-events-none absolute end-3 top-1/2 size-4 -translate-y-1/2 text-muted"
              >
                <path
                  fillRule="evenodd"
                  d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
                  clipRule="evenodd"
                />
              </svg>
            </div>
          </div>

          <noscript>
            <button type="submit" className={buttonClasses({ variant: "primary", className: "w-full" })}>
              {t("applyFilters")}
            </button>
          </noscript>
        </div>
      </details>
    </form>
  );
}
