"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "./number-format";
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

/**
 * The look of every filter option, set once on the list: up to 100 options a
 * page, each only `<li><input><label>name<span>count</span></label></li>`
 * in the HTML. A value nothing would match is a disabled box with a greyed label.
 */
const OPTION_LIST_CLASSES = [
  "flex flex-col gap-1.5 [&>li]:flex [&>li]:items-start [&>li]:gap-2.5",
  "[&_input]:mt-0.5 [&_input]:size-4.5 [&_input]:shrink-0 [&_input]:cursor-pointer [&_input]:accent-brand-700",
  "[&_input:disabled]:cursor-not-allowed",
  "[&_label]:flex [&_label]:min-w-0 [&_label]:flex-1 [&_label]:cursor-pointer [&_label]:justify-between [&_label]:gap-2 [&_label]:text-sm [&_label]:text-ink [&_label]:wrap-anywhere",
  "[&_input:disabled+label]:cursor-not-allowed [&_input:disabled+label]:text-muted/70",
  "[&_label>span]:shrink-0 [&_label>span]:text-muted [&_label>span]:tabular-nums",
].join(" ");

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
  const locale = useLocale();
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
                  <ul className={kind === "country" ? `${OPTION_LIST_CLASSES} max-h-72 overflow-y-auto pe-1` : OPTION_LIST_CLASSES}>
                    {options.map((option) => {
                      const checked = selection[kind].includes(option.value);
                      const id = `filter-${kind}-${option.value}`;
                      return (
                        <li key={option.value}>
                          <input
                            id={id}
                            type="checkbox"
                            name={kind}
                            value={option.value}
                            checked={checked}
                            disabled={option.count === 0 && !checked}
                            onChange={(event) => toggle(kind, option.value, event.target.checked)}
                          />
                          <label htmlFor={id}>
                            {option.label}
                            <span>{formatCount(locale, option.count)}</span>
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
