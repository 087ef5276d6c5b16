import "server-only";
import { getDb } from "@/lib/db/client";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { summarize } from "@/lib/profiles/json-ld";
import { fileUrl } from "@/lib/storage/file-url";
import { VersionedCache } from "./cache";
import { directorySql, type DirectoryRow, type RawDirectoryItem } from "./directory-sql";
import {
  CLUSTER_LABELS,
  INTERNATIONALISATION_LEVELS,
  SIZE_BANDS,
  type ClusterLabelValue,
  type TDirectoryFacets,
  type TDirectoryListItem,
  type TDirectoryPage,
  type TDirectoryQuery,
  directoryQueryToSearchParams,
} from "./schemas";

/**
 * The public directory: approved profiles matching a query, one page, the
 * total and the facet counts, in one SQL statement (lib/directory/directory-sql.ts).
 */
export type DirectoryItem = TDirectoryListItem;
export type DirectoryPage = TDirectoryPage;

function facetsFrom(raw: DirectoryRow["facets"], query: TDirectoryQuery, locale: Locale): TDirectoryFacets {
  const fixed = <T extends string | number>(values: readonly T[], counts: [T, number][] | null, selected: readonly T[]) => {
    const byValue = new Map(counts ?? []);
    return values.map((value) => ({ value: String(value), count: byValue.get(value) ?? 0, selected: selected.includes(value) }));
  };
  const taxonomy = (rows: [string, string, string, number][] | null, selected: readonly string[]) =>
    (rows ?? []).map(([code, labelEn, labelRu, count]) => ({
      value: code,
      label: locale === "ru" ? labelRu : labelEn,
      count,
      selected: selected.includes(code),
    }));

  // Countries: those with results, and the chosen ones even at zero (so they can be unticked).
  const countryCounts = new Map(raw.country ?? []);
  for (const code of query.country) if (!countryCounts.has(code)) countryCounts.set(code, 0);
  const collator = new Intl.Collator(locale);
  const country = [...countryCounts]
    .map(([code, count]) => ({ value: code, label: countryName(code, locale), count, selected: query.country.includes(code) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));

  return {
    country,
    ecosystem: taxonomy(raw.ecosystem, query.ecosystem),
    sector: taxonomy(raw.sector, query.sector),
    label: fixed(CLUSTER_LABELS, raw.label as [ClusterLabelValue, number][] | null, query.label),
    size: fixed(
      SIZE_BANDS.map((b) => b.id),
      raw.size as [(typeof SIZE_BANDS)[number]["id"], number][] | null,
      query.size,
    ),
    level: fixed(INTERNATIONALISATION_LEVELS, raw.level as [1 | 2 | 3 | 4, number][] | null, query.level),
  };
}

function itemFrom(raw: RawDirectoryItem, locale: Locale): DirectoryItem {
  return {
    slug: raw.slug,
    name: raw.name,
    acronym: raw.acronym,
    country: raw.country,
    countryName: countryName(raw.country, locale),
    region: raw.region,
    city: raw.city,
    latitude: raw.latitude,
    longitude: raw.longitude,
    ecosystems: raw.ecosystems,
    sectors: raw.sectors,
    label: raw.label,
    membersTotal: raw.membersTotal,
    internationalisationLevel: raw.level,
    summary: summarize(raw.description, 200),
    logoUrl: raw.logoKey ? fileUrl(raw.logoKey) : null,
    url: `/clusters/${encodeURIComponent(raw.slug)}`,
    publishedAt: raw.publishedAt ? new Date(raw.publishedAt).toISOString() : null,
  };
}

const cache = new VersionedCache<DirectoryPage>();

/** The cache key: the whole query (normalised by its schema) and the language. */
function cacheKey(query: TDirectoryQuery, locale: Locale): string {
  return JSON.stringify([locale, directoryQueryToSearchParams(query).toString()]);
}

async function currentVersion(): Promise<string | null> {
  const rows = await getDb().$queryRaw<{ version: string }[]>`SELECT "version"::text AS version FROM "DirectoryVersion" WHERE "id" = 1`;
  return rows[0]?.version ?? null;
}

/**
 * One page of the public directory with its total and facet counts, in one
 * SQL statement; a query asked before is answered from memory while nothing
 * the directory shows has changed since (lib/directory/cache.ts).
 * `url` and `logoUrl` of the items are paths on this site (the API makes them absolute).
 */
export async function listDirectory(query: TDirectoryQuery, options: { locale: Locale }): Promise<DirectoryPage> {
  const key = cacheKey(query, options.locale);
  if (cache.has(key)) {
    const hit = cache.get(key, await currentVersion());
    if (hit) return hit;
  }
  const [row] = await getDb().$queryRaw<DirectoryRow[]>(directorySql(query, options.locale));
  const total = row?.total ?? 0;
  const page: DirectoryPage = {
    data: (row?.data ?? []).map((item) => itemFrom(item, options.locale)),
    total,
    page: query.page,
    perPage: query.perPage,
    totalPages: Math.ceil(total / query.perPage),
    facets: facetsFrom(row?.facets ?? { country: null, ecosystem: null, sector: null, label: null, size: null, level: null }, query, options.locale),
  };
  cache.set(key, row?.version ?? null, page);
  return page;
}

/** Forgets every cached answer (tests that compare cached and fresh answers). */
export function clearDirectoryCache(): void {
  cache.clear();
}
