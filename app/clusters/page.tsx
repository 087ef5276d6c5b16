import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { directoryCountryOptions } from "@/components/directory/country-options";
import { DirectoryFilters, type FilterKind, type FilterOption } from "@/components/directory/directory-filters";
import { directoryHref, parseDirectoryView } from "@/components/directory/directory-href";
import { DirectoryMap } from "@/components/directory/directory-map";
import { DirectorySearchBox } from "@/components/directory/directory-search-box";
import { DirectorySortSelect } from "@/components/directory/directory-sort-select";
import { DirectoryTable } from "@/components/directory/directory-table";
import { toDirectoryTableRow } from "@/components/directory/directory-table-row";
import { ClientMessages } from "@/components/i18n/client-messages";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listDirectory } from "@/lib/directory/list-directory";
import {
  DEFAULT_PER_PAGE,
  directoryQueryToSearchParams,
  parseDirectoryQuery,
  type TDirectoryQuery,
} from "@/lib/directory/schemas";
import { isLocale } from "@/lib/i18n/locale";
import { cn } from "@/lib/utils/cn";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Directory");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

/** The public directory: search, filters with counts, the results as a table or a map. All state is in the URL. */
export default async function ClustersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = parseDirectoryQuery(params);
  const view = parseDirectoryView(params.view);
  const requestLocale = await getLocale();
  const locale = isLocale(requestLocale) ? requestLocale : "en";
  const result = await listDirectory(query, { locale });
  const t = await getTranslations("Directory");

  const { facets } = result;
  const groups: Record<FilterKind, FilterOption[]> = {
    country: facets.country.map((f) => ({ ...f, label: f.label ?? f.value })),
    ecosystem: facets.ecosystem.map((f) => ({ ...f, label: f.label ?? f.value })),
    sector: facets.sector.map((f) => ({ ...f, label: f.label ? `${f.value} – ${f.label}` : f.value })),
    label: facets.label.map((f) => ({ ...f, label: t(`label.${f.value as "GOLD"}`) })),
    size: facets.size.map((f) => ({ ...f, label: t(`size.${f.value as "1-49"}`) })),
    level: facets.level.map((f) => ({ ...f, label: t(`level.${f.value as "1"}`) })),
  };
  const ecosystemLabels = Object.fromEntries(facets.ecosystem.map((f) => [f.value, f.label ?? f.value]));

  const filterCount =
    query.country.length +
    query.region.length +
    query.ecosystem.length +
    query.sector.length +
    query.label.length +
    query.size.length +
    query.level.length +
    (query.targetsCountry ? 1 : 0);
  // "Clear filters" keeps the search text and the order: it undoes the checkboxes, not the question.
  const withoutFilters: Partial<TDirectoryQuery> = { q: query.q, sort: query.sort, perPage: query.perPage };
  const clearHref = filterCount > 0 ? directoryHref(withoutFilters, view) : null;

  const csvParams = directoryQueryToSearchParams({ ...query, page: 1, perPage: DEFAULT_PER_PAGE });
  csvParams.set("lang", locale);
  const csvHref = `/api/v1/clusters/export.csv?${csvParams}`;

  const emptyState = (
    <EmptyState
      title={query.q || filterCount > 0 ? t("emptyTitle") : t("emptyTitleNoFilters")}
      description={
        query.q || filterCount > 0 ? (
          <>
            {t("emptyDescription")}
            {filterCount > 0 ? <> {t("emptyFilters", { count: filterCount })}</> : null}
          </>
        ) : (
          t("emptyNoFiltersDescription")
        )
      }
      action={
        query.q || filterCount > 0 ? (
          <>
            {clearHref ? (
              <Link href={clearHref} className={buttonClasses({ variant: "secondary" })}>
                {t("clearFilters")}
              </Link>
            ) : null}
            <Link href={directoryHref({}, view)} className={buttonClasses({ variant: "secondary" })}>
              {t("emptyShowAll")}
            </Link>
          </>
        ) : undefined
      }
    />
  );

  const mapCountries = (view === "map" ? facets.country : [])
    .filter((f) => f.count > 0)
    .map((f) => ({
      code: f.value,
      name: f.label ?? f.value,
      count: f.count,
      // Choosing a country on the map lists its clusters: the table, filtered by that one country.
      href: directoryHref({ ...query, country: [f.value], page: 1 }, "table"),
    }));

  const viewLinks = [
    { view: "table" as const, label: t("viewTable"), href: directoryHref({ ...query, page: 1 }, "table") },
    { view: "map" as const, label: t("viewMap"), href: directoryHref(query, "map") },
  ];

  return (
    <ClientMessages namespaces={["Directory", "DataTable", "EmptyState"]}>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-10">
        <header className="flex flex-col gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{t("title")}</h1>
          <p className="max-w-3xl text-muted">{t("lead")}</p>
        </header>

        <DirectorySearchBox query={query.q} />

        <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
          <aside className="min-w-0">
            <DirectoryFilters
              groups={groups}
              targetsCountry={query.targetsCountry ?? ""}
              countryOptions={directoryCountryOptions(locale)}
              regions={query.region}
              perPage={query.perPage !== DEFAULT_PER_PAGE ? String(query.perPage) : null}
              view={view}
              activeCount={filterCount}
              clearHref={clearHref}
            />
          </aside>

          <section aria-labelledby="directory-results-count" className="flex min-w-0 flex-col gap-4">
            <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
              <p id="directory-results-count" aria-live="polite" className="text-base font-semibold text-ink">
                {query.q
                  ? t("resultCountFor", { count: result.total, query: query.q })
                  : t("resultCount", { count: result.total })}
              </p>
              <div className="flex flex-wrap items-center gap-3">
                <nav aria-label={t("viewLabel")} className="inline-flex rounded-lg border border-line-strong bg-surface p-0.5">
                  {viewLinks.map((link) => (
                    <Link
                      key={link.view}
                      href={link.href}
                      aria-current={link.view === view ? "page" : undefined}
                      className={cn(
                        "rounded-md px-3 py-1.5 text-sm font-medium",
                        link.view === view ? "bg-brand-700 text-white" : "text-muted hover:bg-brand-50 hover:text-brand-900",
                      )}
                    >
                      {link.label}
                    </Link>
                  ))}
                </nav>
                {view === "table" ? (
                  <DirectorySortSelect sort={query.sort} />
                ) : (
                  <input type="hidden" name="sort" form="directory-form" value={query.sort} />
                )}
                {result.total > 0 ? (
                  <a
                    href={csvHref}
                    download
                    title={t("downloadCsvDescription")}
                    className={buttonClasses({ variant: "secondary", size: "sm" })}
                  >
                    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
                      <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
                      <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
                    </svg>
                    {t("downloadCsv")}
                  </a>
                ) : null}
              </div>
            </div>

            {view === "map" ? (
              result.total > 0 ? (
                <DirectoryMap countries={mapCountries} />
              ) : (
                emptyState
              )
            ) : (
              <Suspense>
                <DirectoryTable
                  data={result.data.map(toDirectoryTableRow)}
                  total={result.total}
                  page={result.page}
                  perPage={result.perPage}
                  totalPages={result.totalPages}
                  ecosystemLabels={ecosystemLabels}
                  emptyState={result.data.length === 0 ? emptyState : undefined}
                />
              </Suspense>
            )}
          </section>
        </div>
      </div>
    </ClientMessages>
  );
}
